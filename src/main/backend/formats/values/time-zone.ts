/**
 * UTC offsets of an IANA zone for wall-clock times written without one (UCI's UK store, a
 * user's mapped CSV). Uses Intl, so DST switches are right for every year the runtime knows.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function offsetAtInstant(timeZone: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** Offset in minutes east of UTC for a local wall-clock time in the zone. */
export function offsetMinutesForLocal(timeZone: string, y: number, mo: number, d: number, h: number, mi: number): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  // Offsets change on the hour (or half hour) in every zone we care about; cache per half hour.
  const key = `${timeZone}|${y}-${mo}-${d}T${h}:${mi < 30 ? 0 : 30}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const localAsUtc = Date.UTC(y, mo - 1, d, h, mi);
  const first = offsetAtInstant(timeZone, localAsUtc);
  const second = offsetAtInstant(timeZone, localAsUtc - first * 60000);
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(key, second);
  return second;
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

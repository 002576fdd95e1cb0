/**
 * The IANA zones this runtime knows, with `current` first when the runtime lacks it (a settings
 * file written on another machine), so a select never silently shows another zone.
 */
export function timeZoneChoices(current: string): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const known = zones.includes('UTC') ? zones : ['UTC', ...zones];
  return known.includes(current) ? known : [current, ...known];
}

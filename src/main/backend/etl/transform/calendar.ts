import type { Db } from '../../db/open';

const DAY_MS = 86_400_000;

export interface DateParts {
  date_key: string;
  year: number;
  quarter: number;
  month: number;
  year_month: string;
  iso_week: number;
  day_of_week: number;
  day_of_month: number;
  is_weekend: number;
}

/** Calendar attributes of a YYYY-MM-DD day; ISO weeks start on Monday and week 1 holds the first Thursday. */
export function dateParts(dateKey: string): DateParts {
  const time = Date.parse(`${dateKey}T00:00:00Z`);
  const date = new Date(time);
  const dayOfWeek = ((date.getUTCDay() + 6) % 7) + 1;
  const thursday = new Date(time + (4 - dayOfWeek) * DAY_MS);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const isoWeek = Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7) + 1;
  const month = date.getUTCMonth() + 1;
  return {
    date_key: dateKey,
    year: date.getUTCFullYear(),
    quarter: Math.floor((month - 1) / 3) + 1,
    month,
    year_month: dateKey.slice(0, 7),
    iso_week: isoWeek,
    day_of_week: dayOfWeek,
    day_of_month: date.getUTCDate(),
    is_weekend: dayOfWeek >= 6 ? 1 : 0,
  };
}

export function addDays(dateKey: string, days: number): string {
  return new Date(Date.parse(`${dateKey}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Keeps dim_date one unbroken run of days from the earliest to the latest date any fact uses,
 * so series and the inventory grid never skip a day.
 */
export function extendCalendar(db: Db, dates: readonly (string | null | undefined)[]): { from: string; to: string } | null {
  const known = db.prepare<[], { lo: string | null; hi: string | null }>('SELECT min(date_key) AS lo, max(date_key) AS hi FROM dim_date').get();
  const all = [...dates, known?.lo, known?.hi].filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const from = all[0];
  const to = all.at(-1);
  if (from === undefined || to === undefined) return null;
  const insert = db.prepare(
    `INSERT OR IGNORE INTO dim_date (date_key, year, quarter, month, year_month, iso_week, day_of_week, day_of_month, is_weekend)
     VALUES (@date_key, @year, @quarter, @month, @year_month, @iso_week, @day_of_week, @day_of_month, @is_weekend)`,
  );
  for (let day = from; day <= to; day = addDays(day, 1)) insert.run(dateParts(day));
  return { from, to };
}

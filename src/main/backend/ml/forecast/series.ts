import { dateOfDay, dayNumber } from '../warehouse/load';

export interface Series {
  dates: string[];
  values: number[];
}

/** Every day from the first to the last date, days without orders as 0. */
export function dailySeries(rows: readonly { date: string; value: number }[]): Series {
  if (rows.length === 0) return { dates: [], values: [] };
  const byDay = new Map(rows.map((r) => [dayNumber(r.date), r.value]));
  const first = dayNumber(rows[0]!.date);
  const last = dayNumber(rows.at(-1)!.date);
  const dates: string[] = [];
  const values: number[] = [];
  for (let d = first; d <= last; d += 1) {
    dates.push(dateOfDay(d));
    values.push(byDay.get(d) ?? 0);
  }
  return { dates, values };
}

/**
 * Calendar months (YYYY-MM), dropping a partial first or last month: a month with ten days of
 * data would look like a 70% revenue drop and wreck every method's backtest.
 */
export function monthlySeries(daily: Series): Series {
  const months: string[] = [];
  const values: number[] = [];
  daily.dates.forEach((date, i) => {
    const month = date.slice(0, 7);
    if (months.at(-1) !== month) {
      months.push(month);
      values.push(0);
    }
    values[values.length - 1] = values.at(-1)! + daily.values[i]!;
  });
  const firstDate = daily.dates[0];
  const lastDate = daily.dates.at(-1);
  let start = 0;
  let end = months.length;
  if (firstDate && !firstDate.endsWith('-01')) start = 1;
  if (lastDate && dateOfDay(dayNumber(lastDate) + 1).slice(0, 7) === lastDate.slice(0, 7)) end -= 1;
  return { dates: months.slice(start, Math.max(start, end)), values: values.slice(start, Math.max(start, end)) };
}

/** The dates after the series end, for a forecast of h steps. */
export function futureDates(last: string, grain: 'day' | 'month', h: number): string[] {
  if (grain === 'day') return Array.from({ length: h }, (_, i) => dateOfDay(dayNumber(last) + i + 1));
  const [year, month] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: h }, (_, i) => {
    const index = year * 12 + (month - 1) + i + 1;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

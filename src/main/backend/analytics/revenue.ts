import type { ParsedFilters, RevenueDailyResult, RevenueMonthlyResult, RevenueWeeklyResult, WeekStart } from '../../../shared/contract/analytics';
import type { Db } from '../db/open';
import { returnCells, salesCells, type SalesCell } from './sales-query';
import { addDays, metaOf, resolveScope, toUnits, type Scope } from './scope';

interface PeriodFigures {
  gross: number;
  discounts: number;
  refunds: number;
  net: number;
  orders: number;
}

/** Net sales per period: gross − discounts (by order date) − refunds (by return date). */
function figuresByPeriod(db: Db, scope: Scope, period: 'day' | 'month'): Map<string, PeriodFigures> {
  if (!scope.range) return new Map();
  const isByCategory = scope.categories !== null;
  const byPeriod = new Map<string, PeriodFigures>();
  const entry = (key: string): PeriodFigures => {
    let figures = byPeriod.get(key);
    if (!figures) {
      figures = { gross: 0, discounts: 0, refunds: 0, net: 0, orders: 0 };
      byPeriod.set(key, figures);
    }
    return figures;
  };
  const discountOf = (cell: SalesCell): number => (isByCategory ? cell.lineDiscount : cell.orderDiscount);
  for (const cell of salesCells(db, scope, { range: scope.range, period })) {
    const figures = entry(cell.period ?? '');
    figures.gross += cell.gross;
    figures.discounts += discountOf(cell);
    figures.orders += cell.orders;
  }
  for (const cell of returnCells(db, scope, { range: scope.range, period })) entry(cell.period ?? '').refunds += cell.refund;
  for (const figures of byPeriod.values()) figures.net = figures.gross - figures.discounts - figures.refunds;
  return byPeriod;
}

export function everyDay(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export function everyMonth(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number) as [number, number];
  for (let key = from.slice(0, 7); key <= to.slice(0, 7); ) {
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    key = `${year}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

/**
 * Daily revenue over the whole range (days without sales are 0, so the 7-day average is over
 * calendar days), with a trailing 7-day mean and a running total.
 */
export function revenueDaily(db: Db, filters: ParsedFilters): RevenueDailyResult {
  const scope = resolveScope(db, filters);
  const columns = ['date', 'gross_sales', 'net_sales', 'orders', 'net_sales_ma7', 'net_sales_cumulative'];
  if (scope.emptyReason || !scope.range) return { meta: metaOf(scope, true), series: { columns, rows: [] } };
  const byDay = figuresByPeriod(db, scope, 'day');
  if (byDay.size === 0) return { meta: metaOf(scope, true), series: { columns, rows: [] } };
  const days = everyDay(scope.range.from, scope.range.to);
  const nets = days.map((day) => byDay.get(day)?.net ?? 0);
  let cumulative = 0;
  const rows = days.map((day, i) => {
    const figures = byDay.get(day);
    cumulative += nets[i] ?? 0;
    const window = nets.slice(Math.max(0, i - 6), i + 1);
    const mean = window.reduce((s, v) => s + v, 0) / window.length;
    return [day, toUnits(figures?.gross), toUnits(nets[i]), figures?.orders ?? 0, toUnits(mean), toUnits(cumulative)];
  });
  return { meta: metaOf(scope, false), series: { columns, rows } };
}

/** The first day of `day`'s week: the Monday, or the Sunday, on or before it. */
export function weekStartOf(day: string, weekStart: WeekStart): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -(weekStart === 'monday' ? (weekday + 6) % 7 : weekday));
}

/**
 * Weekly figures, each week named by its first day. The range's first and last weeks hold only
 * the days inside the range, as every other grain does.
 */
export function revenueWeekly(db: Db, filters: ParsedFilters, weekStart: WeekStart): RevenueWeeklyResult {
  const scope = resolveScope(db, filters);
  const columns = ['week', 'gross_sales', 'discounts', 'refunds', 'net_sales', 'orders', 'net_sales_cumulative'];
  if (scope.emptyReason || !scope.range) return { meta: metaOf(scope, true), series: { columns, rows: [] } };
  const byDay = figuresByPeriod(db, scope, 'day');
  if (byDay.size === 0) return { meta: metaOf(scope, true), series: { columns, rows: [] } };
  const byWeek = new Map<string, PeriodFigures>();
  for (const day of everyDay(scope.range.from, scope.range.to)) {
    const week = weekStartOf(day, weekStart);
    const figures = byWeek.get(week) ?? { gross: 0, discounts: 0, refunds: 0, net: 0, orders: 0 };
    const d = byDay.get(day);
    if (d) {
      figures.gross += d.gross;
      figures.discounts += d.discounts;
      figures.refunds += d.refunds;
      figures.net += d.net;
      figures.orders += d.orders;
    }
    byWeek.set(week, figures);
  }
  let cumulative = 0;
  const rows = [...byWeek].map(([week, f]) => {
    cumulative += f.net;
    return [week, toUnits(f.gross), toUnits(f.discounts), toUnits(f.refunds), toUnits(f.net), f.orders, toUnits(cumulative)];
  });
  return { meta: metaOf(scope, false), series: { columns, rows } };
}

export function revenueMonthly(db: Db, filters: ParsedFilters): RevenueMonthlyResult {
  const scope = resolveScope(db, filters);
  const columns = ['month', 'gross_sales', 'discounts', 'refunds', 'net_sales', 'orders', 'net_sales_cumulative'];
  if (scope.emptyReason || !scope.range) return { meta: metaOf(scope, true), series: { columns, rows: [] } };
  const byMonth = figuresByPeriod(db, scope, 'month');
  if (byMonth.size === 0) return { meta: metaOf(scope, true), series: { columns, rows: [] } };
  let cumulative = 0;
  const rows = everyMonth(scope.range.from, scope.range.to).map((month) => {
    const f = byMonth.get(month) ?? { gross: 0, discounts: 0, refunds: 0, net: 0, orders: 0 };
    cumulative += f.net;
    return [month, toUnits(f.gross), toUnits(f.discounts), toUnits(f.refunds), toUnits(f.net), f.orders, toUnits(cumulative)];
  });
  return { meta: metaOf(scope, false), series: { columns, rows } };
}

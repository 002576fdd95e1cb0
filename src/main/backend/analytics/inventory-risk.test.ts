import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/open';
import { importGeneratedStore, type ImportedStore } from '../etl/testing/generated-store';
import { inventoryRisk } from './inventory-risk';
import { filters } from './testing/seeded-warehouse';

let imported: ImportedStore;
let db: Db;

beforeAll(async () => {
  // Two runs, so alerts opened by the first are resolved (or not) by the second.
  imported = await importGeneratedStore(5, 90, [45]);
  db = imported.db;
}, 120_000);

afterAll(() => imported.dispose());

/** The independent count: the stock rows' own at-risk flags, per day, optionally for some SKUs. */
function flaggedPerDay(where = '', ...params: unknown[]): [string, number][] {
  return db
    .prepare<unknown[], [string, number]>(`SELECT s.date_key, sum(s.is_at_risk) FROM fct_inventory_daily s JOIN dim_product p ON p.sku = s.sku AND p.is_current = 1 ${where} GROUP BY s.date_key ORDER BY s.date_key`)
    .raw()
    .all(...params);
}

const perDay = (rows: (string | number | boolean | null)[][], column: number) => rows.map((r) => [r[0], r[column]]);

describe('SKUs at risk by day', () => {
  it('equals the stock rows flagged at risk on every day, after two runs', () => {
    const expected = flaggedPerDay();
    expect(expected.some(([, n]) => n > 0)).toBe(true);
    const result = inventoryRisk(db, filters({}));
    expect(result.meta.emptyReason).toBeNull();
    expect(perDay(result.series.rows, 1)).toEqual(expected);
  });

  it('counts the alerts raised and resolved on each day', () => {
    const rows = inventoryRisk(db, filters({})).series.rows;
    const count = (column: string) =>
      new Map(db.prepare<[], [string, number]>(`SELECT ${column}, count(*) FROM inventory_alerts WHERE ${column} IS NOT NULL GROUP BY ${column}`).raw().all());
    const raised = count('raised_date');
    const resolved = count('resolved_date');
    expect(rows.reduce((sum, r) => sum + Number(r[3]), 0)).toBeGreaterThan(0);
    for (const [day, , up, down] of rows) {
      expect(up, `raised on ${day}`).toBe(raised.get(String(day)) ?? 0);
      expect(down, `resolved on ${day}`).toBe(resolved.get(String(day)) ?? 0);
    }
  });

  it('starts a range inside open episodes with them already counted', () => {
    const all = flaggedPerDay();
    const [from, to] = [all[30]![0], all[60]![0]];
    const result = inventoryRisk(db, filters({ from, to }));
    expect(perDay(result.series.rows, 1)).toEqual(all.slice(30, 61));
    expect(result.meta.range).toEqual({ from, to });
    expect(all[30]![1]).toBeGreaterThan(0);
  });

  it('starts a range on the day an episode ends without counting it open', () => {
    const from = db.prepare<[], string>('SELECT resolved_date FROM inventory_alerts WHERE resolved_date IS NOT NULL ORDER BY resolved_date LIMIT 1 OFFSET 3').pluck().get()!;
    const all = flaggedPerDay();
    const result = inventoryRisk(db, filters({ from, to: all.at(-1)![0] }));
    expect(perDay(result.series.rows, 1)).toEqual(all.filter(([day]) => day >= from));
    expect(result.series.rows[0]![3]).toBeGreaterThan(0);
  });

  it('keeps the SKUs of the chosen category', () => {
    const category = db.prepare<[], { c: string }>(
      'SELECT p.category AS c FROM inventory_alerts a JOIN dim_product p ON p.sku = a.sku AND p.is_current = 1 GROUP BY p.category ORDER BY count(*) DESC LIMIT 1',
    ).get()!.c;
    const result = inventoryRisk(db, filters({ category: [category] }));
    expect(perDay(result.series.rows, 1)).toEqual(flaggedPerDay('AND p.category = ?', category));
  });

  it('says so when no stock was recorded in the range', () => {
    const result = inventoryRisk(db, filters({ from: '2030-01-01', to: '2030-01-31' }));
    expect(result.series.rows).toEqual([]);
    expect(result.meta.emptyReason).not.toBeNull();
  });
});

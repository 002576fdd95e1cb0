import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importGeneratedStore, type ImportedStore } from '../testing/generated-store';
import { rangeChecks, reconciliationChecks, referentialChecks, uniqueChecks, type QualityCheck } from './checks';

let imported: ImportedStore;
beforeAll(async () => {
  imported = await importGeneratedStore(6, 40);
}, 120_000);
afterAll(() => imported.dispose());

const failing = (checks: QualityCheck[]) => checks.filter((c) => !c.isPassed).map((c) => [c.name, c.value]);
const warehouseChecks = () => {
  const { db } = imported;
  const runId = Number(db.prepare('SELECT max(run_id) FROM import_runs').pluck().get());
  return [...uniqueChecks(db), ...referentialChecks(db), ...rangeChecks(db), ...reconciliationChecks(db, runId)];
};

describe('quality checks over the facts', () => {
  it('pass on a freshly imported store', () => {
    expect(failing(warehouseChecks())).toEqual([]);
  });

  it('each finds the one row broken for it, and only that check fails', () => {
    const { db } = imported;
    // The schema's foreign keys would refuse the orphans the checks exist to catch in older or hand-edited files.
    db.pragma('foreign_keys = OFF');
    db.exec('SAVEPOINT broken');
    const line = (offset: number) => db.prepare('SELECT order_key, line_no FROM fct_order_items ORDER BY order_key, line_no LIMIT 1 OFFSET ?').get(offset) as { order_key: number; line_no: number };
    const order = (offset: number) => Number(db.prepare('SELECT order_key FROM fct_orders WHERE refund_cents = 0 ORDER BY order_key LIMIT 1 OFFSET ?').pluck().get(offset));
    const [a, b, c] = [line(10), line(20), line(30)];
    db.prepare('UPDATE fct_order_items SET product_key = NULL WHERE order_key = ? AND line_no = ?').run(a.order_key, a.line_no);
    db.prepare('UPDATE fct_order_items SET quantity = 0 WHERE order_key = ? AND line_no = ?').run(b.order_key, b.line_no);
    db.prepare('UPDATE fct_order_items SET net_cents = -1 WHERE order_key = ? AND line_no = ?').run(c.order_key, c.line_no);
    db.prepare('UPDATE fct_orders SET customer_key = 987654321 WHERE order_key = ?').run(order(5));
    db.prepare('UPDATE fct_orders SET channel_key = NULL WHERE order_key = ?').run(order(6));
    db.prepare('UPDATE fct_orders SET net_cents = net_cents + 1 WHERE order_key = ?').run(order(7));
    expect(failing(warehouseChecks())).toEqual([
      ['order lines have a product version', 1],
      ['orders have a customer', 1],
      ['orders have a channel', 1],
      ['line quantities are positive', 1],
      ['line net is not negative', 1],
      ['order net = gross − discount − refunds', 1],
    ]);
    db.exec('ROLLBACK TO broken; RELEASE broken');
    db.pragma('foreign_keys = ON');
    expect(failing(warehouseChecks())).toEqual([]);
  });
});

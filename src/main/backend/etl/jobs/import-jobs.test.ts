import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unwrap } from '../../../../shared/result';
import { dispatch } from '../../dispatch';
import { createTempBackend, type TempBackend } from '../../testing/temp-backend';
import { generateStore } from '../../generate';

let temp: TempBackend | null = null;
afterEach(async () => {
  await temp?.dispose();
  temp = null;
});

async function call(t: TempBackend, method: string, args: unknown): Promise<unknown> {
  return unwrap(await dispatch(t.backend, method, args));
}

const CUSTOMERS = 'customer_id,email,name,region,country,city,signup_date,segment,acquisition_channel,updated_at\n';
const ORDERS = 'order_id,customer_id,channel,status,created_at,paid_at,fulfilled_at,delivered_at,cancelled_at,currency,subtotal,discount,tax,shipping,total,updated_at\n';
const PRODUCTS = 'sku,name,category,brand,supplier,cost,list_price,reorder_point,updated_at\n';
const ITEMS = 'order_id,line_no,sku,quantity,unit_price,line_discount,line_tax\n';

describe('import jobs through the worker and the imports contract', () => {
  it('quarantines an order whose customer is missing, then loads it on retry once the customer arrives', async () => {
    temp = createTempBackend();
    const t = temp;
    const day1 = path.join(t.dir, 'day1');
    const day2 = path.join(t.dir, 'day2');
    mkdirSync(day1);
    mkdirSync(day2);
    writeFileSync(path.join(day1, 'customers.csv'), `${CUSTOMERS}C1,,Ann,eu,FR,Paris,,,,2024-01-01T00:00:00Z\n`);
    writeFileSync(path.join(day1, 'products.csv'), `${PRODUCTS}S1,Mug,home,,,2.00,10.00,5,2024-01-01T00:00:00Z\n`);
    writeFileSync(
      path.join(day1, 'orders.csv'),
      `${ORDERS}O1,C1,web,paid,2024-01-02T10:00:00Z,2024-01-02T10:01:00Z,,,,EUR,20.00,0,4.00,0,24.00,2024-01-02T10:01:00Z\n` +
        `O2,C9,web,paid,2024-01-03T10:00:00Z,2024-01-03T10:01:00Z,,,,EUR,10.00,0,2.00,0,12.00,2024-01-03T10:01:00Z\n`,
    );
    writeFileSync(path.join(day1, 'order_items.csv'), `${ITEMS}O1,1,S1,2,10.00,0,4.00\nO2,1,S1,1,10.00,0,2.00\n`);
    const first = (await t.backend.jobs.run('import.files', { paths: [day1] })).result as { rowsRead: number; rowsLoaded: number; rowsQuarantined: number; runId: number };
    expect(first).toMatchObject({ rowsRead: 6, rowsLoaded: 4, rowsQuarantined: 2 });
    const reasons = (await call(t, 'imports.quarantineReasons', {})) as { reasonCode: string; rows: number }[];
    expect(reasons).toEqual([{ reasonCode: 'unknown_parent', rows: 2, example: expect.stringMatching(/customer C9 is not in this import or the warehouse/) }]);
    const listed = (await call(t, 'imports.listQuarantine', { reasonCode: 'unknown_parent', limit: 1 })) as { total: number; rows: { line: number; file: string; column: string }[] };
    expect(listed.total).toBe(2);
    expect(listed.rows[0]).toMatchObject({ line: 3, file: 'day1/orders.csv', column: 'customer_id' });
    const out = path.join(t.dir, 'q.csv');
    expect(await call(t, 'imports.exportQuarantine', { path: out })).toEqual({ path: out, rows: 2 });
    expect(readFileSync(out, 'utf8').split('\n')[2]).toContain('day1/order_items.csv,order_items,3,order_id,unknown_parent');

    writeFileSync(path.join(day2, 'customers.csv'), `${CUSTOMERS}C9,,Bob,eu,DE,Berlin,,,,2024-01-05T00:00:00Z\n`);
    await t.backend.jobs.run('import.files', { paths: [day2] });
    const retry = (await t.backend.jobs.run('quarantine.retry', {})).result as { attempted: number; loaded: number; stillQuarantined: number };
    expect(retry).toMatchObject({ attempted: 2, loaded: 2, stillQuarantined: 0 });
    const net = t.backend.db.prepare('SELECT order_id, net_cents, is_counted FROM fct_orders ORDER BY order_id').all();
    expect(net).toEqual([
      { order_id: 'O1', net_cents: 2000, is_counted: 1 },
      { order_id: 'O2', net_cents: 1000, is_counted: 1 },
    ]);
    expect(((await call(t, 'imports.listQuarantine', {})) as { total: number }).total).toBe(0);
    const runs = (await call(t, 'imports.listRuns', {})) as { total: number; runs: { kind: string; rowsRead: number; rowsLoaded: number }[] };
    expect(runs.runs.map((r) => r.kind)).toEqual(['retry', 'files', 'files']);
    const detail = (await call(t, 'imports.getRun', { runId: first.runId })) as { batches: unknown[]; log: { message: string }[]; quality: { isPassed: boolean } | null };
    expect(detail.batches).toHaveLength(4);
    expect(detail.log.some((l) => l.message.includes('orders.csv: 2 rows read, 1 loaded'))).toBe(true);
    expect(detail.quality?.isPassed).toBe(true);
    const daily = (await call(t, 'imports.dailySummary', {})) as { rowsRead: number; quarantinedByReason: Record<string, number> }[];
    expect(daily[0]?.rowsRead).toBe(6 + 1 + 2);
    expect(daily[0]?.quarantinedByReason).toEqual({ unknown_parent: 2 });
    await expect(call(t, 'imports.getRun', { runId: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('imports pending landing days once, reports them, and refuses a bad folder', async () => {
    temp = createTempBackend();
    const t = temp;
    const landing = path.join(t.dir, 'landing');
    await generateStore({ outDir: landing, customers: 100, products: 40, days: 20, seed: 9, lines: 600 });
    expect(((await call(t, 'imports.pendingLanding', { folder: landing })) as { days: string[] }).days).toHaveLength(20);
    const progress: string[] = [];
    const outcome = await t.backend.jobs.run('import.landing', { folder: landing }, (_d, _t, phase) => progress.push(phase));
    expect(outcome.result).toMatchObject({ status: 'succeeded', qualityFailed: 0 });
    expect(progress.some((p) => p.startsWith('staging '))).toBe(true);
    expect(progress.some((p) => p.startsWith('building facts'))).toBe(true);
    expect(outcome.changedTables).toContain('fct_orders');
    expect(((await call(t, 'imports.pendingLanding', { folder: landing })) as { days: string[] }).days).toEqual([]);
    const again = await t.backend.jobs.run('import.landing', { folder: landing });
    expect(again.result).toMatchObject({ days: [], status: 'skipped' });
    const report = (await call(t, 'imports.qualityReport', {})) as { isPassed: boolean; results: unknown[] };
    expect(report.isPassed).toBe(true);
    await expect(t.backend.jobs.run('import.landing', { folder: path.join(t.dir, 'nope') })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('reports the import first, then its worker copies the write-ahead log into the warehouse file', async () => {
    temp = createTempBackend();
    const t = temp;
    const landing = path.join(t.dir, 'landing');
    await generateStore({ outDir: landing, customers: 200, products: 50, days: 30, seed: 5, lines: 3000 });
    const file = path.join(t.dir, 'warehouse.sqlite');
    const db = t.backend.db;
    const fileHoldsEveryPage = (): boolean =>
      statSync(file).size >= Number(db.pragma('page_count', { simple: true })) * Number(db.pragma('page_size', { simple: true }));
    const outcome = await t.backend.jobs.run('import.landing', { folder: landing });
    expect(outcome.result).toMatchObject({ status: 'succeeded' });
    // The app's own connection stays open and only reads, so nothing but the worker checkpoints.
    expect(db.prepare('SELECT count(*) FROM fct_order_items').pluck().get()).toBeGreaterThan(2000);
    await vi.waitFor(() => expect(fileHoldsEveryPage()).toBe(true), { timeout: 15_000, interval: 50 });
  });

  it('keeps nothing from an import cancelled mid-way', async () => {
    temp = createTempBackend();
    const t = temp;
    const landing = path.join(t.dir, 'landing');
    await generateStore({ outDir: landing, customers: 300, products: 60, days: 90, seed: 4, lines: 5000 });
    const { jobId, done } = t.backend.jobs.start('import.landing', { folder: landing });
    await new Promise<void>((resolve) => {
      const off = t.backend.events.subscribe((e) => {
        if (e.name === 'job.progress' && e.payload.jobId === jobId && e.payload.phase.startsWith('staging order_items')) {
          off();
          resolve();
        }
      });
    });
    t.backend.jobs.cancel(jobId);
    await expect(done).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    const counts = t.backend.db.prepare('SELECT (SELECT count(*) FROM import_runs) AS runs, (SELECT count(*) FROM stg_orders) AS orders, (SELECT count(*) FROM fct_orders) AS facts').get();
    expect(counts).toEqual({ runs: 0, orders: 0, facts: 0 });
  });
});

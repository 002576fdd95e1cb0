import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { generateStore } from './src/main/backend/generate';
import { openWarehouse } from './src/main/backend/db/open';
import { runImport } from './src/main/backend/etl/import-run';
const out = '/tmp/imp/t1/landing';
rmSync('/tmp/imp/t1', { recursive: true, force: true });
let t = performance.now();
const summary = await generateStore({ outDir: out, customers: 300, products: 60, days: 60, seed: 3, lines: 5000 });
console.log('generated', summary.rows, ((performance.now() - t) / 1000).toFixed(2));
const db = openWarehouse('/tmp/imp/t1/w.sqlite');
t = performance.now();
const days = readdirSync(out).filter((d) => /^\d{4}/.test(d)).sort();
const split = process.argv[2] === 'one' ? [days] : [days.slice(0, 30), ...days.slice(30).map((d) => [d])];
for (const group of split) {
  const files = group.flatMap((day) => readdirSync(path.join(out, day)).map((f) => path.join(out, day, f)));
  const r = await runImport(db, { kind: 'landing', source: out, landingDay: group.at(-1), files });
  console.log(group.at(-1), r.status, r.rowsRead, r.rowsLoaded, r.rowsDuplicate, r.rowsQuarantined, r.quality?.failed, JSON.stringify(r.transform?.stepMs), r.stageMs, r.transformMs, r.qualityMs);
}
console.log('import', ((performance.now() - t) / 1000).toFixed(2));
const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
let mismatches = 0;
for (const d of manifest.totals.perDay) {
  const r = db.prepare('SELECT * FROM fct_revenue_daily WHERE date_key = ? AND currency = ?').get(d.date, d.currency) as any;
  const got = r ? { g: r.gross_cents, dc: r.discount_cents, tx: r.tax_cents, sh: r.shipping_cents, rf: r.refund_cents, n: r.net_cents, o: r.orders, u: r.units } : null;
  const exp = { g: d.grossCents, dc: d.discountCents, tx: d.taxCents, sh: d.shippingCents, rf: d.refundCents, n: d.netCents, o: d.orders, u: d.units };
  if (JSON.stringify(got) !== JSON.stringify(exp)) { if (mismatches++ < 5) console.log('MISMATCH', d.date, d.currency, exp, got); }
}
console.log('perDay rows', manifest.totals.perDay.length, 'mismatches', mismatches, 'revenue rows', db.prepare('SELECT count(*) FROM fct_revenue_daily').pluck().get());
console.log('orders', manifest.totals.orders, db.prepare('SELECT count(*) a, sum(is_counted) c FROM fct_orders').get());
console.log('customers', manifest.totals.customers, db.prepare('SELECT count(DISTINCT customer_key) FROM fct_orders WHERE is_counted=1').pluck().get());
console.log('returns', manifest.totals.returns, db.prepare('SELECT refund_rule, count(*) FROM fct_returns GROUP BY 1').all());
console.log('injected', JSON.stringify(manifest.injected.invalid.byKind), manifest.injected.duplicates.byKind, manifest.rows);
console.log('quarantine', db.prepare('SELECT reason_code, count(*) n FROM quarantine GROUP BY 1').all());
console.log('batches', db.prepare('SELECT sum(rows_read) r, sum(rows_loaded) l, sum(rows_duplicate) d, sum(rows_quarantined) q FROM import_batches').get());
console.log('alerts', manifest.inventory.alerts, manifest.inventory.atRiskSkuCount, db.prepare('SELECT count(*) a, count(DISTINCT sku) s FROM inventory_alerts').get());
console.log('quality failures', db.prepare('SELECT name, detail FROM quality_checks WHERE is_passed = 0 LIMIT 10').all());

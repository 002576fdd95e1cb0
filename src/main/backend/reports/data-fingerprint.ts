import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { exportedTables, quoteIdentifier } from '../export/data-dictionary';

export interface DataFingerprint {
  /** First 16 hex digits of a SHA-256 over the facts below: equal data ⇒ equal fingerprint. */
  hash: string;
  tables: { table: string; rows: number }[];
  netCents: number;
  lastIngestedAt: string | null;
  schemaVersion: number;
}

/**
 * Enough to tell whether two reports were computed from the same warehouse: row counts of every
 * star table, order and refund totals, a stock checksum, open alerts, the last import time and
 * the schema version. Cheap (a few aggregate scans), not a cryptographic hash of every row.
 */
export function dataFingerprint(db: Db): DataFingerprint {
  const tables = exportedTables(db).map((table) => ({
    table,
    rows: Number(db.prepare(`SELECT count(*) FROM ${quoteIdentifier(table)}`).pluck().get()),
  }));
  const orders = db
    .prepare<[], { net: number | null; gross: number | null; last: string | null }>(
      'SELECT sum(net_cents) AS net, sum(gross_cents) AS gross, max(ingested_at) AS last FROM fct_orders',
    )
    .get();
  const stock = db.prepare('SELECT total(on_hand) * 1000003 + total(allocated) FROM fct_inventory_daily').pluck().get();
  const refunds = db.prepare('SELECT total(refund_cents) FROM fct_returns').pluck().get();
  const openAlerts = db.prepare("SELECT count(*) FROM inventory_alerts WHERE status = 'open'").pluck().get();
  const schemaVersion = Number(db.pragma('user_version', { simple: true }));
  const facts = { tables, net: orders?.net ?? 0, gross: orders?.gross ?? 0, last: orders?.last ?? null, stock, refunds, openAlerts, schemaVersion };
  const hash = createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 16);
  return { hash, tables, netCents: facts.net, lastIngestedAt: facts.last, schemaVersion };
}

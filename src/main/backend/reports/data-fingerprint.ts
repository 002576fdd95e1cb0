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
 * star table, the total of order amounts, the last import time and the schema version.
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
  const schemaVersion = Number(db.pragma('user_version', { simple: true }));
  const facts = { tables, net: orders?.net ?? 0, gross: orders?.gross ?? 0, last: orders?.last ?? null, schemaVersion };
  const hash = createHash('sha256').update(JSON.stringify(facts)).digest('hex').slice(0, 16);
  return { hash, tables, netCents: facts.net, lastIngestedAt: facts.last, schemaVersion };
}

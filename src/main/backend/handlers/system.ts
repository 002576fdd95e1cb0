import type { SystemInfo } from '../../../shared/contract/system';
import type { systemContract } from '../../../shared/contract/system';
import type { Backend } from '../backend';
import { listTables } from '../db/open';
import { latestVersion, loadMigrations, schemaVersion } from '../db/migrations';
import { knownJobKinds } from '../jobs/registry';
import type { HandlersFor } from './types';

const FACT_TABLES_FOR_EMPTINESS = ['fct_orders', 'fct_order_items'];

export function systemInfo(backend: Backend): SystemInfo {
  const { db } = backend;
  const tables = listTables(db).map((table) => ({
    table,
    // Table names come from sqlite_schema, not from a user, so quoting them is safe.
    rows: Number((db.prepare(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`).get() as { n: number }).n),
  }));
  const isEmpty = tables.filter((t) => FACT_TABLES_FOR_EMPTINESS.includes(t.table)).every((t) => t.rows === 0);
  return {
    appVersion: backend.appVersion,
    nodeVersion: process.versions.node,
    sqliteVersion: (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
    electronVersion: backend.electronVersion,
    platform: `${process.platform}-${process.arch}`,
    warehousePath: backend.warehousePath,
    schemaVersion: schemaVersion(db),
    latestSchemaVersion: latestVersion(loadMigrations()),
    tables,
    isEmpty,
    jobKinds: knownJobKinds(),
  };
}

export const systemHandlers = {
  'system.info': (_args, backend) => systemInfo(backend),
} satisfies HandlersFor<typeof systemContract>;

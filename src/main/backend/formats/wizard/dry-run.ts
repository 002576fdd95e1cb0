import type { ColumnMapping, DryRunFile } from '../../../../shared/contract/formats';
import { toErrorInfo } from '../../../../shared/result';
import type { SourceRecord } from '../../etl/source';
import { detectFileFormat } from '../detect';
import { openForeignSource } from '../open-source';
import { validateRecord } from './validate-record';

/** Keys the warehouse already holds, looked up read-only (the main connection never writes). */
export interface WarehouseKeys {
  hasOrder(orderId: string): boolean;
  hasCustomer(customerId: string): boolean;
}

/** The natural key of each entity: a repeat in the same file replaces the earlier row. */
function naturalKey(record: SourceRecord): string {
  const f = record.fields;
  switch (record.entity) {
    case 'customers':
    case 'orders':
    case 'reviews':
      return f[0]!;
    case 'products':
      return `${f[0]}|${f[8]}`;
    case 'order_items':
      return `${f[0]}|${f[1]}`;
    case 'returns':
      return `${f[0]}|${f[1]}|${f[3]}`;
    case 'inventory_movements':
      return `${f[0]}|${f[1]}|${f[2]}|${f[3]}`;
  }
}

/**
 * Reads a file exactly as an import would and counts what would happen, writing nothing:
 * records per entity, repeats inside the file, keys already in the warehouse, and rows that
 * would be quarantined (unreadable rows, schema failures, lines of orders not in the file or
 * the warehouse), grouped by reason with an example line.
 */
export async function dryRunFile(file: string, options: { mapping?: ColumnMapping; presetsDir?: string; warehouse?: WarehouseKeys }): Promise<DryRunFile> {
  const result: DryRunFile = { file, format: 'unknown', rowsRead: 0, wouldLoad: {}, duplicates: 0, alreadyInWarehouse: 0, quarantined: 0, quarantineReasons: [], blankRowsSkipped: 0, warnings: [], refusal: null };
  const reasons = new Map<string, { count: number; example: { line: number; column: string | null } }>();
  const quarantine = (reason: string, line: number, column: string | null) => {
    result.quarantined += 1;
    const entry = reasons.get(reason) ?? { count: 0, example: { line, column } };
    entry.count += 1;
    reasons.set(reason, entry);
  };
  try {
    if (!options.mapping) result.format = (await detectFileFormat(file, { presetsDir: options.presetsDir })).format;
    const source = await openForeignSource(file, options);
    result.format = source.format;
    const seen = new Map<string, Set<string>>();
    for await (const batch of source.batches()) {
      for (const reject of batch.rejects) quarantine(reject.reason, reject.line, reject.column);
      for (const record of batch.records) {
        const issues = validateRecord(record);
        if (issues.length > 0) {
          quarantine(`${record.entity}: ${issues.map((i) => `${i.field}: ${i.reason}`).join('; ')}`, record.line, issues[0]!.field);
          continue;
        }
        const orderId = record.fields[0]!;
        const orders = seen.get('orders');
        if ((record.entity === 'order_items' || record.entity === 'returns') && !orders?.has(orderId) && !options.warehouse?.hasOrder(orderId)) {
          quarantine(`${record.entity}: its order is not in this file or the warehouse`, record.line, 'order_id');
          continue;
        }
        const keys = seen.get(record.entity) ?? new Set<string>();
        seen.set(record.entity, keys);
        const key = naturalKey(record);
        if (keys.has(key)) result.duplicates += 1;
        else {
          keys.add(key);
          result.wouldLoad[record.entity] = (result.wouldLoad[record.entity] ?? 0) + 1;
          if (record.entity === 'orders' && options.warehouse?.hasOrder(key)) result.alreadyInWarehouse += 1;
          if (record.entity === 'customers' && options.warehouse?.hasCustomer(key)) result.alreadyInWarehouse += 1;
        }
      }
    }
    result.rowsRead = source.rowsRead();
    result.blankRowsSkipped = source.blankRowsSkipped();
    result.warnings = source.warnings();
  } catch (error) {
    result.refusal = toErrorInfo(error).message;
  }
  result.quarantineReasons = [...reasons.entries()]
    .map(([reason, { count, example }]) => ({ reason, count, example }))
    .sort((a, b) => b.count - a.count);
  return result;
}

import { NATIVE_COLUMNS, type NativeEntity, type ORDER_STATUSES } from '../../../shared/data-contract/native-format';
import type { SourceRecord } from '../etl/source';

/** Builds a record in NATIVE_COLUMNS order from named values; absent names become ''. */
export function nativeRecord(entity: NativeEntity, values: Readonly<Record<string, string>>, line: number, raw: string): SourceRecord {
  return { entity, line, raw, fields: NATIVE_COLUMNS[entity].map((column) => values[column] ?? '') };
}

/** The inverse, for previews and tests. */
export function recordValues(record: SourceRecord): Record<string, string> {
  return Object.fromEntries(NATIVE_COLUMNS[record.entity].map((column, i) => [column, record.fields[i] ?? '']));
}

/** Category given to fees, postage, tips and manual lines, so the pipeline can set is_product = 0. */
export const NON_PRODUCT_CATEGORY = 'Fees & postage';
export const UNCATEGORISED = 'uncategorised';
/** Guest customers get ids with this prefix (one per order), so dim_customer can mark is_guest. */
export const GUEST_PREFIX = 'guest:';

export type OrderStatus = (typeof ORDER_STATUSES)[number];

import path from 'node:path';
import type { ColumnMapping } from '../../../shared/contract/formats';
import { knownFormatOf } from './known-formats';
import { createMappedAdapter, MAPPED_ENTITIES } from './mapping/mapped-adapter';
import { createOnlineRetailAdapter } from './online-retail/online-retail-adapter';
import { ONLINE_RETAIL_CURRENCY } from './online-retail/online-retail-rows';
import { findPresetFor } from './presets';
import { refuseFile } from './refusal';
import { createRowSource, type ForeignRecordSource } from './row-source';
import { createShopifyAdapter } from './shopify/shopify-orders';
import { sniffFile } from './sniff';

export interface OpenForeignOptions {
  /** The user's mapping; without one, known formats use their adapter and others need a preset. */
  mapping?: ColumnMapping;
  presetsDir?: string;
}

/**
 * Opens a non-native file as a RecordSource: records in NATIVE_COLUMNS order, already in native
 * formats, or rejects naming line, column and reason. A file that cannot be read at all is
 * refused (AppError IMPORT_REFUSED naming the file) before anything is yielded.
 */
export async function openForeignSource(file: string, options: OpenForeignOptions = {}): Promise<ForeignRecordSource> {
  const { mapping } = options;
  const sniff = await sniffFile(file, { encoding: mapping?.encoding, delimiter: mapping?.delimiter });
  if (sniff.isEmpty) throw refuseFile(file, 'the file is empty: there is no header row to read');
  const dialect = { file, encoding: sniff.encoding, delimiter: sniff.delimiter };
  const mapped = (chosen: ColumnMapping, format: 'mapped' | 'native') =>
    createRowSource({ ...dialect, format, entities: MAPPED_ENTITIES[chosen.entity], adapter: createMappedAdapter(file, chosen) });
  if (mapping) return mapped(mapping, 'mapped');
  const known = knownFormatOf(sniff.header);
  if (known.format === 'shopify-orders') {
    return createRowSource({ ...dialect, format: 'shopify-orders', entities: ['customers', 'products', 'orders', 'order_items', 'returns'], adapter: createShopifyAdapter(file) });
  }
  if (known.format === 'online-retail' || known.format === 'online-retail-ii') {
    return createRowSource({
      ...dialect,
      format: known.format,
      entities: ['customers', 'products', 'orders', 'order_items', 'returns', 'inventory_movements'],
      defaultCurrency: ONLINE_RETAIL_CURRENCY,
      adapter: createOnlineRetailAdapter(file),
    });
  }
  if (known.format === 'native' && known.nativeEntity) {
    const columns = Object.fromEntries(sniff.header.map((name) => [name.trim(), name]));
    return mapped({ entity: known.nativeEntity, columns, dateFormat: 'iso', decimalSeparator: '.' }, 'native');
  }
  const preset = await findPresetFor(options.presetsDir, sniff.header);
  if (preset) return mapped(preset.mapping, 'mapped');
  throw refuseFile(
    file,
    `the columns are not a format Storelens knows, and no mapping was given: run \`storelens inspect ${path.basename(file)}\` and import with --mapping, or map it in the import wizard`,
    1,
  );
}

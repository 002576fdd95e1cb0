import { AppError } from '../../../../shared/result';
import { columnMappingSchema, openForeignSource } from '../../formats';
import type { RecordSource } from '../source';

/**
 * Shopify, UCI Online Retail and mapped CSVs, through the formats module (src/main/backend/formats/);
 * a file in no known format without a mapping is refused with what to do instead.
 */
export async function openForeignRecordSource(file: string, mapping: unknown): Promise<RecordSource> {
  if (mapping !== undefined) {
    const parsed = columnMappingSchema.safeParse(mapping);
    if (!parsed.success) {
      throw new AppError('VALIDATION', `The column mapping is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(mapping)'}: ${i.message}`).join('; ')}`, {
        issues: parsed.error.issues,
      });
    }
    return openForeignSource(file, { mapping: parsed.data });
  }
  // The formats module recognises Shopify and Online Retail headers, native files in other
  // encodings, and saved mapping presets; anything else it refuses, naming the file.
  return openForeignSource(file);
}

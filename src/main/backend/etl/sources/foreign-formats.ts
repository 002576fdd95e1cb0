import path from 'node:path';
import { AppError } from '../../../../shared/result';
import type { DetectedFormat, RecordSource } from '../source';

/** What the formats module (src/main/backend/formats/) offers the pipeline. */
interface FormatsModule {
  detectFileFormat(file: string): Promise<{ format: DetectedFormat } | DetectedFormat>;
  openForeignSource(file: string, options: { mapping?: unknown }): Promise<RecordSource>;
}

function isFormatsModule(value: unknown): value is FormatsModule {
  const candidate = value as Partial<FormatsModule> | null;
  return typeof candidate?.detectFileFormat === 'function' && typeof candidate.openForeignSource === 'function';
}

async function loadFormats(): Promise<FormatsModule | null> {
  // A computed specifier: the formats module is written in parallel and may not exist yet.
  const specifier = '../../formats/index';
  try {
    const loaded: unknown = await import(/* @vite-ignore */ specifier);
    return isFormatsModule(loaded) ? loaded : null;
  } catch {
    return null;
  }
}

/** Shopify, UCI Online Retail and mapped CSVs, through the formats module; a clear refusal if none fits. */
export async function openForeignRecordSource(file: string, mapping: unknown): Promise<RecordSource> {
  const formats = await loadFormats();
  if (formats === null) {
    throw new AppError(
      'IMPORT_REFUSED',
      `${path.basename(file)}: line 1: the header is not a Storelens native file, and reading other formats (Shopify, Online Retail, mapped CSV) is not available in this build.`,
      { file, line: 1, column: null },
    );
  }
  if (mapping === undefined) {
    const detected = await formats.detectFileFormat(file);
    const format = typeof detected === 'string' ? detected : detected.format;
    if (format === 'unknown') {
      throw new AppError(
        'IMPORT_REFUSED',
        `${path.basename(file)}: line 1: the columns match no known format (Storelens native, Shopify orders, Online Retail). Import it with a column mapping (storelens import --mapping m.json, or the mapping wizard).`,
        { file, line: 1, column: null },
      );
    }
  }
  return formats.openForeignSource(file, mapping === undefined ? {} : { mapping });
}

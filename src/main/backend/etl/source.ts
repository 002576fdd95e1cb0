import type { NativeEntity } from '../../../shared/data-contract/native-format';

/**
 * The seam between reading files and loading them. Every input format (our native CSV/NDJSON,
 * Shopify, UCI Online Retail, a user's mapped CSV) becomes a RecordSource that yields records
 * already shaped as native entity rows, so one validation, staging and transform path serves all.
 */
export interface SourceRecord {
  entity: NativeEntity;
  /** 1-based line in the source file where the row starts (quoted cells may span lines). */
  line: number;
  /** Values in the order of NATIVE_COLUMNS[entity]; '' for empty. */
  fields: string[];
  /** The source row as read, kept verbatim for quarantine. */
  raw: string;
  /**
   * Set when `raw` is exactly `fields` joined by this delimiter (a native CSV row without quotes,
   * columns in native order): whoever keeps records can keep the fields alone and rebuild it.
   */
  readonly rawJoinsFieldsWith?: string;
}

/** A row the reader could not even shape into an entity row: it goes to quarantine as is. */
export interface SourceReject {
  line: number;
  column: string | null;
  reason: string;
  raw: string;
  /** Machine-readable reason for summaries (e.g. 'malformed_row'); 'malformed_row' when absent. */
  code?: string;
  /** The entity the row was meant for, when known. */
  entity?: NativeEntity;
}

export interface SourceBatch {
  records: SourceRecord[];
  rejects: SourceReject[];
}

export type DetectedFormat = 'native' | 'native-ndjson' | 'shopify-orders' | 'online-retail' | 'online-retail-ii' | 'mapped' | 'unknown';

export interface RecordSource {
  readonly file: string;
  readonly format: DetectedFormat;
  /** Entities this file can produce, for load ordering (parents first). */
  readonly entities: readonly NativeEntity[];
  /** Currency of the file when the format does not carry one per row (UCI: GBP). */
  readonly defaultCurrency?: string;
  batches(): AsyncIterable<SourceBatch>;
  /** Bytes consumed so far, for progress in bytes. */
  bytesRead(): number;
}

/**
 * A file that cannot be read at all is refused, with the file and, where known, line and column:
 * throw AppError('IMPORT_REFUSED', `${name}: line ${line}, column ${column}: ${problem}`,
 * { file, line, column }) before anything from it is loaded.
 */
export interface RefusalDetails {
  file: string;
  line: number | null;
  column: string | null;
}

import { z } from 'zod';
import { method } from './define';

/**
 * Foreign file formats: detection, the user's column mapping, preview and dry run for the
 * Data page's import wizard and the CLI (`storelens inspect`, `storelens import --mapping`).
 */

export const DETECTED_FORMATS = [
  'native',
  'native-ndjson',
  'shopify-orders',
  'online-retail',
  'online-retail-ii',
  'mapped',
  'unknown',
] as const;
export type DetectedFormatName = (typeof DETECTED_FORMATS)[number];

export const FILE_ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type FileEncoding = (typeof FILE_ENCODINGS)[number];

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * `iso` covers `YYYY-MM-DD`, `YYYY-MM-DD HH:MM:SS`, `T` separators and offsets (`Z`, `+02:00`,
 * ` -0500`). `dmy`/`mdy` take `/`, `.` or `-` separators, 2- or 4-digit years and an optional time.
 * `excel-serial` is days since 1899-12-30 with a fractional time of day.
 */
export const DATE_FORMATS = ['iso', 'dmy', 'mdy', 'excel-serial'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const DECIMAL_SEPARATORS = ['.', ','] as const;
export type DecimalSeparator = (typeof DECIMAL_SEPARATORS)[number];

/** What a mapped file holds: one native entity, or single-file exports with order + line + customer + product per row. */
export const MAPPING_TARGETS = [
  'flat_order_lines',
  'orders',
  'order_items',
  'customers',
  'products',
  'inventory_movements',
  'returns',
  'reviews',
] as const;
export type MappingTarget = (typeof MAPPING_TARGETS)[number];

/**
 * A user's mapping of a CSV onto one target. `columns` maps a target field to the source header
 * (as shown by inspect: duplicate headers get ` (2)`, ` (3)` suffixes). `constants` gives a fixed
 * value for a field no column carries (e.g. `currency: "BRL"`, `channel: "marketplace"`).
 * Timestamps without an offset are read in `timeZone` (IANA, default UTC).
 */
export const columnMappingSchema = z
  .object({
    entity: z.enum(MAPPING_TARGETS),
    columns: z.record(z.string(), z.string().min(1)),
    constants: z.record(z.string(), z.string()).optional(),
    dateFormat: z.enum(DATE_FORMATS).optional(),
    timeZone: z.string().min(1).optional(),
    decimalSeparator: z.enum(DECIMAL_SEPARATORS).optional(),
    delimiter: z.enum(CSV_DELIMITERS).optional(),
    encoding: z.enum(FILE_ENCODINGS).optional(),
  })
  .strict();
export type ColumnMapping = z.output<typeof columnMappingSchema>;

export interface FieldProposal {
  field: string;
  /** Source header proposed for the field, or null when no column fits. */
  column: string | null;
  /** 0..1: header-name similarity (synonyms in EN/PT/ES/DE/FR) blended with value-pattern checks. */
  confidence: number;
  isRequired: boolean;
  /** Why this column (or why none): shown next to the field in the wizard. */
  reason: string;
}

export interface EntityProposal {
  entity: MappingTarget;
  confidence: number;
}

export interface DateFormatGuess {
  /** null when no date column was found or when it is ambiguous. */
  format: DateFormat | null;
  /** True when values fit both dd/mm and mm/dd: the mapping must say which. */
  isAmbiguous: boolean;
  candidates: DateFormat[];
  columns: string[];
  example: string | null;
}

export interface DecimalSeparatorGuess {
  separator: DecimalSeparator;
  isAmbiguous: boolean;
  example: string | null;
}

export interface FileDetection {
  file: string;
  fileName: string;
  sizeBytes: number;
  format: DetectedFormatName;
  encoding: FileEncoding;
  delimiter: CsvDelimiter;
  lineEnding: 'crlf' | 'lf' | 'cr' | 'none';
  header: string[];
  /** Normalised header, used to re-apply saved presets to files with the same columns. */
  headerFingerprint: string;
  duplicateHeaders: string[];
  /** Data rows seen while sampling (not the file's total). */
  sampledRows: number;
  dateFormat: DateFormatGuess;
  decimalSeparator: DecimalSeparatorGuess;
  entities: EntityProposal[];
  proposedEntity: MappingTarget | null;
  fields: FieldProposal[];
  /** A complete mapping built from the proposal (or the preset), ready to edit; null for known formats. */
  proposedMapping: ColumnMapping | null;
  /** What the user still has to decide before a mapped file can load. */
  openQuestions: string[];
  preset: { name: string } | null;
  warnings: string[];
}

export interface CellIssue {
  field: string;
  /** Source header the field came from; null for constants and derived fields. */
  column: string | null;
  reason: string;
}

export interface PreviewRow {
  line: number;
  entity: string;
  values: Record<string, string>;
  issues: CellIssue[];
}

export interface FilePreview {
  file: string;
  format: DetectedFormatName;
  sourceHeader: string[];
  /** The first 50 source rows: the source cells as read. */
  sourceRows: { line: number; cells: string[] }[];
  /** The records those rows become, normalised, with failing cells flagged. */
  rows: PreviewRow[];
  /** A refusal of the whole file (no mapping, binary, unbalanced quote…), or null. */
  refusal: string | null;
}

export interface DryRunFile {
  file: string;
  format: DetectedFormatName;
  rowsRead: number;
  /** Records per entity that would load. */
  wouldLoad: Record<string, number>;
  /** Repeated keys inside the file (the later row replaces the earlier) and keys already in the warehouse. */
  duplicates: number;
  alreadyInWarehouse: number;
  quarantined: number;
  quarantineReasons: { reason: string; count: number; example: { line: number; column: string | null } }[];
  blankRowsSkipped: number;
  warnings: string[];
  refusal: string | null;
}

export interface DryRunResult {
  files: DryRunFile[];
}

export interface MappingPreset {
  name: string;
  headerFingerprint: string;
  header: string[];
  mapping: ColumnMapping;
  savedAt: string;
}

const pathArg = z.string().min(1);

export const formatsContract = {
  /** Detection + proposed mapping + the first rows as they will be parsed. */
  'formats.inspect': method<{ detection: FileDetection; preview: FilePreview }>()(z.object({ path: pathArg }).strict()),
  'formats.preview': method<FilePreview>()(z.object({ path: pathArg, mapping: columnMappingSchema.optional() }).strict()),
  /** Reads the files through the same path as an import and counts outcomes; writes nothing. */
  'formats.dryRun': method<DryRunResult>()(
    z.object({ paths: z.array(pathArg).min(1), mapping: columnMappingSchema.optional() }).strict(),
  ),
  'formats.presets.list': method<MappingPreset[]>()(z.object({}).strict()),
  'formats.presets.save': method<MappingPreset>()(
    z.object({ name: z.string().trim().min(1).max(120), header: z.array(z.string()), mapping: columnMappingSchema }).strict(),
  ),
  'formats.presets.delete': method<{ isDeleted: boolean }>()(z.object({ name: z.string().min(1) }).strict()),
};

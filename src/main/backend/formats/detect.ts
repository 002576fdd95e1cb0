import path from 'node:path';
import { stat } from 'node:fs/promises';
import type { ColumnMapping, DateFormatGuess, FileDetection } from '../../../shared/contract/formats';
import { headerFingerprint } from './dialect';
import { knownFormatFields, knownFormatOf } from './known-formats';
import { fieldInfo } from './mapping/field-catalog';
import { proposeMapping } from './mapping/propose';
import { findPresetFor } from './presets';
import { sniffFile } from './sniff';
import { guessDateFormat } from './values/dates';
import { guessDecimalSeparator } from './values/decimal';

export interface DetectOptions {
  /** Folder of saved presets; a preset whose header matches is applied. */
  presetsDir?: string;
  /** Encoding or delimiter the user chose, overriding the sniffed ones. */
  mapping?: Partial<Pick<ColumnMapping, 'encoding' | 'delimiter'>>;
}

const NO_DATE: DateFormatGuess = { format: null, isAmbiguous: false, candidates: [], columns: [], example: null };

/**
 * Everything the import wizard and `storelens inspect` show about a file: encoding, dialect,
 * the known format it is (or the proposed mapping when it is none), date format and decimal
 * separator guesses, and the questions the user must answer before a mapped file loads.
 */
export async function detectFileFormat(file: string, options: DetectOptions = {}): Promise<FileDetection> {
  const fileName = path.basename(file);
  if (/\.(nd)?jsonl?$/i.test(file)) {
    const { size } = await stat(file);
    return { ...emptyDetection(file, size), format: 'native-ndjson' };
  }
  const sniff = await sniffFile(file, { encoding: options.mapping?.encoding, delimiter: options.mapping?.delimiter });
  const base = emptyDetection(file, sniff.sizeBytes);
  if (sniff.isEmpty) return { ...base, encoding: sniff.encoding, warnings: [`${fileName} is empty: there is no header row`] };
  const { header, rows } = sniff;
  const warnings: string[] = [];
  if (sniff.duplicateHeaders.length > 0) warnings.push(`duplicate column names ${sniff.duplicateHeaders.map((h) => `"${h}"`).join(', ')}: later ones are named "<name> (2)"…`);
  if (rows.length === 0) warnings.push(`${fileName} has a header but no data rows`);
  const cells = rows.map((row) => row.fields);
  const decimal = guessDecimalSeparator(cells.flat());
  const known = knownFormatOf(header);
  const common = {
    ...base,
    encoding: sniff.encoding,
    delimiter: sniff.delimiter,
    lineEnding: sniff.lineEnding,
    header,
    headerFingerprint: headerFingerprint(header),
    duplicateHeaders: sniff.duplicateHeaders,
    sampledRows: rows.length,
    decimalSeparator: decimal,
    warnings,
  };
  if (known.format === 'shopify-orders' || known.format === 'online-retail' || known.format === 'online-retail-ii') {
    const dateColumn = known.format === 'shopify-orders' ? 'Created at' : 'InvoiceDate';
    const i = header.findIndex((h) => h.toLowerCase() === dateColumn.toLowerCase());
    const dateFormat = guessDateFormat([{ column: dateColumn, values: cells.map((r) => r[i] ?? '') }], false);
    return { ...common, format: known.format, dateFormat, fields: knownFormatFields(known.format, header), decimalSeparator: { separator: '.', isAmbiguous: false, example: decimal.example } };
  }

  const proposal = proposeMapping(header, cells, decimal.separator);
  const preset = await findPresetFor(options.presetsDir, header);
  const dateColumns = Object.entries(proposal.columns)
    .filter(([field]) => ['timestamp', 'date'].includes(fieldInfo(field).kind))
    .map(([, column]) => ({ column, values: cells.map((r) => r[header.indexOf(column)] ?? '') }));
  const dateFormat = dateColumns.length > 0 ? guessDateFormat(dateColumns, true) : NO_DATE;
  const proposedMapping: ColumnMapping = preset?.mapping ?? {
    entity: known.nativeEntity ?? proposal.entity,
    columns: proposal.columns,
    ...(dateFormat.format ? { dateFormat: dateFormat.format } : {}),
    decimalSeparator: decimal.separator,
    delimiter: sniff.delimiter,
    encoding: sniff.encoding,
  };
  const openQuestions: string[] = [];
  if (!preset) {
    if (dateFormat.isAmbiguous) {
      openQuestions.push(`date format: values like "${dateFormat.example}" in ${dateFormat.columns.join(', ')} fit both dd/mm/yyyy and mm/dd/yyyy; choose dmy or mdy`);
    } else if (dateColumns.length > 0 && dateFormat.format === null) {
      openQuestions.push(`date format: the values of ${dateColumns.map((c) => c.column).join(', ')} do not share one format we know; choose one`);
    }
    if (decimal.isAmbiguous) openQuestions.push(`decimal separator: values like "${decimal.example}" could use either; choose "." or ","`);
    for (const field of proposal.fields) {
      if (field.isRequired && field.column === null) {
        openQuestions.push(field.field === 'currency' ? 'currency: no column holds it; give it as a constant (e.g. "BRL")' : `${field.field}: no column fits; choose one`);
      }
    }
  }
  return {
    ...common,
    format: known.format === 'native' ? 'native' : preset ? 'mapped' : 'unknown',
    dateFormat,
    entities: proposal.entities,
    proposedEntity: proposedMapping.entity,
    fields: proposal.fields,
    proposedMapping,
    openQuestions,
    preset: preset ? { name: preset.name } : null,
  };
}

function emptyDetection(file: string, sizeBytes: number): FileDetection {
  return {
    file,
    fileName: path.basename(file),
    sizeBytes,
    format: 'unknown',
    encoding: 'utf-8',
    delimiter: ',',
    lineEnding: 'none',
    header: [],
    headerFingerprint: '',
    duplicateHeaders: [],
    sampledRows: 0,
    dateFormat: NO_DATE,
    decimalSeparator: { separator: '.', isAmbiguous: false, example: null },
    entities: [],
    proposedEntity: null,
    fields: [],
    proposedMapping: null,
    openQuestions: [],
    preset: null,
    warnings: [],
  };
}

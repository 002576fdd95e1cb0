import type { CsvDelimiter, FileDetection } from '../../../shared/contract/formats';
import { CSV_DELIMITERS } from '../../../shared/contract/formats';
import { CsvTokenizer, type CsvRow } from './csv-tokenizer';
import { isBlankRow } from './csv-rows';

export interface SampleRows {
  rows: CsvRow[];
  /** True when the sample ended inside the file, so its last row may be cut short. */
  isTruncated: boolean;
  error: { line: number; column: number; message: string } | null;
}

export function tokenizeSample(text: string, delimiter: string, isTruncated: boolean, maxRows = 200): SampleRows {
  const tokenizer = new CsvTokenizer(delimiter);
  const rows: CsvRow[] = [];
  try {
    tokenizer.write(text, rows);
    if (!isTruncated) tokenizer.end(rows);
  } catch (error) {
    const { line = 0, column = 0, message = String(error) } = error as { line?: number; column?: number; message?: string };
    return { rows: rows.slice(0, maxRows), isTruncated, error: { line, column, message } };
  }
  return { rows: rows.slice(0, maxRows), isTruncated, error: null };
}

/**
 * Picks the delimiter whose rows agree on a field count with the header, preferring more
 * columns. Quotes are honoured, so commas inside quoted text do not vote.
 */
export function sniffDelimiter(text: string, isTruncated: boolean): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of CSV_DELIMITERS) {
    const sample = tokenizeSample(text, delimiter, isTruncated, 60);
    const rows = sample.rows.filter((row) => !isBlankRow(row));
    const header = rows[0];
    if (!header || header.fields.length < 2) continue;
    const body = rows.slice(1, isTruncated ? -1 : undefined);
    const agreeing = body.filter((row) => row.fields.length === header.fields.length).length;
    const consistency = body.length === 0 ? 1 : agreeing / body.length;
    const score = consistency * 1000 + Math.min(header.fields.length, 999);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

export function sniffLineEnding(text: string): FileDetection['lineEnding'] {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (lf === -1 && cr === -1) return 'none';
  if (cr !== -1 && (lf === -1 || cr < lf - 1)) return 'cr';
  return cr !== -1 && cr === lf - 1 ? 'crlf' : 'lf';
}

/** Header names as mapping keys: trimmed, blanks named by position, repeats suffixed " (2)". */
export function uniqueHeader(fields: readonly string[]): { header: string[]; duplicates: string[] } {
  const seen = new Map<string, number>();
  const duplicates = new Set<string>();
  const header = fields.map((field, index) => {
    const name = field.trim() || `column ${index + 1}`;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    duplicates.add(name);
    return `${name} (${count})`;
  });
  return { header, duplicates: [...duplicates] };
}

/** Accent-, case- and punctuation-insensitive form of a header name. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Presets are re-applied to files whose headers match in this normalised form. */
export function headerFingerprint(header: readonly string[]): string {
  return header.map(normaliseName).join('|');
}

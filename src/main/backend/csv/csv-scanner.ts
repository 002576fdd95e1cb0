import { AppError } from '../../../shared/result';

/** One CSV record: `line` is the 1-based physical line it starts on (quoted cells may span lines). */
export interface CsvRow {
  line: number;
  fields: string[];
  /** The record's text as read, without its line terminator: what quarantine keeps. */
  raw: string;
  /** Set when the record is malformed but the rest of the file can still be read (e.g. text after a closing quote). */
  error?: { column: number; message: string };
}

/** Receives one record: raw is null when the record had no quotes (then raw = fields.join(delimiter)). */
export type RecordSink = (line: number, fields: string[], raw: string | null, error: CsvRow['error'] | undefined) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** A "line" longer than this is not CSV (binary garbage, a missing quote): refuse instead of buffering it all. */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;

/**
 * An incremental RFC-4180 scanner. Text arrives in chunks; whole records come out. Lines
 * without a quote take a fast path (indexOf + native split), which is most of a real file; a
 * line with a quote goes through a char-code state machine that handles doubled quotes,
 * delimiters and newlines inside quotes. Measured faster than csv-parse, papaparse and udsv
 * on our files (see bench/import.bench.ts).
 */
export class CsvScanner {
  private carry = '';
  private line = 1;
  private isStart = true;
  private readonly delimiterCode: number;

  constructor(
    private readonly file: string,
    private readonly delimiter = ',',
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new AppError('VALIDATION', `Unsupported CSV delimiter ${JSON.stringify(delimiter)}.`);
    }
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Feeds one chunk; returns the records it completed. Pass isLast on the final call (chunk may be ''). */
  push(chunk: string, isLast = false): CsvRow[] {
    const rows: CsvRow[] = [];
    this.pushInto(chunk, isLast, (line, fields, raw, error) => {
      rows.push(error ? { line, fields, raw: raw ?? fields.join(this.delimiter), error } : { line, fields, raw: raw ?? fields.join(this.delimiter) });
    });
    return rows;
  }

  /**
   * The allocation-light core: calls `sink` per record. `raw` is null for a record without quotes,
   * whose raw text is exactly fields.join(delimiter) — callers that rarely need it build it lazily.
   */
  pushInto(chunk: string, isLast: boolean, sink: RecordSink): void {
    let text = this.carry.length > 0 ? this.carry + chunk : chunk;
    if (this.isStart && text.length > 0) {
      this.isStart = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const length = text.length;
    const delimiter = this.delimiter;
    let pos = 0;
    let nextQuote = -2;
    while (pos < length) {
      let newline = text.indexOf('\n', pos);
      if (newline === -1) {
        if (!isLast) break;
        newline = length;
      }
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
      if (nextQuote === -1 || nextQuote >= newline) {
        let end = newline;
        if (end > pos && text.charCodeAt(end - 1) === CR) end -= 1;
        if (end > pos) sink(this.line, text.slice(pos, end).split(delimiter), null, undefined);
        this.line += 1;
        pos = newline + 1;
        continue;
      }
      const next = this.scanQuotedRecord(text, pos, isLast);
      if (next === null) break;
      sink(next.row.line, next.row.fields, next.row.raw, next.row.error);
      this.line += next.lines;
      pos = next.end;
    }
    this.carry = pos < length ? text.slice(pos) : '';
    if (this.carry.length > MAX_RECORD_CHARS) {
      throw new AppError('IMPORT_REFUSED', `${this.file}: line ${this.line}: a record longer than 16 MB; this is not a CSV file or a quote is never closed.`, {
        file: this.file,
        line: this.line,
        column: null,
      });
    }
  }

  /**
   * The slow path for a record containing a quote. Returns null when the record may continue
   * in the next chunk. `end` is the index after the record's line terminator.
   */
  private scanQuotedRecord(text: string, start: number, isLast: boolean): { row: CsvRow; end: number; lines: number } | null {
    const length = text.length;
    const fields: string[] = [];
    let i = start;
    let error: CsvRow['error'];
    for (;;) {
      if (i < length && text.charCodeAt(i) === QUOTE) {
        let value = '';
        let segment = i + 1;
        i = segment;
        for (;;) {
          const quote = text.indexOf('"', i);
          if (quote === -1) {
            if (!isLast) return null;
            const column = fields.length + 1;
            throw new AppError(
              'IMPORT_REFUSED',
              `${this.file}: line ${this.line}, column ${column}: a quoted field is never closed (the file ends inside quotes).`,
              { file: this.file, line: this.line, column: String(column) },
            );
          }
          if (quote + 1 >= length && !isLast) return null;
          if (text.charCodeAt(quote + 1) === QUOTE) {
            value += text.slice(segment, quote + 1);
            i = quote + 2;
            segment = i;
            continue;
          }
          value += text.slice(segment, quote);
          i = quote + 1;
          break;
        }
        fields.push(value);
        const code = i < length ? text.charCodeAt(i) : -1;
        if (code === this.delimiterCode) {
          i += 1;
          continue;
        }
        if (code === LF || code === -1) break;
        if (code === CR) {
          if (i + 1 >= length && !isLast) return null;
          if (i + 1 >= length || text.charCodeAt(i + 1) === LF) break;
        }
        // Text after a closing quote: the record is malformed, but the next line can still be read.
        error ??= { column: fields.length, message: `unexpected text after the closing quote of column ${fields.length}` };
        const newline = text.indexOf('\n', i);
        if (newline === -1 && !isLast) return null;
        i = newline === -1 ? length : newline;
        break;
      }
      // An unquoted field: up to the next delimiter or line end (a stray quote inside is kept as text).
      let j = i;
      while (j < length) {
        const code = text.charCodeAt(j);
        if (code === this.delimiterCode || code === LF) break;
        j += 1;
      }
      if (j >= length && !isLast) return null;
      let end = j;
      if ((j >= length || text.charCodeAt(j) === LF) && end > i && text.charCodeAt(end - 1) === CR) end -= 1;
      fields.push(text.slice(i, end));
      if (j < length && text.charCodeAt(j) === this.delimiterCode) {
        i = j + 1;
        continue;
      }
      i = j;
      break;
    }
    // i is at the LF, at a CR of CRLF, or at the end of the text.
    let rawEnd = i;
    if (i < length && text.charCodeAt(i) === LF && i > start && text.charCodeAt(i - 1) === CR) rawEnd = i - 1;
    let end = i;
    if (end < length && text.charCodeAt(end) === CR) end += 1;
    if (end < length && text.charCodeAt(end) === LF) end += 1;
    const raw = text.slice(start, rawEnd);
    let lines = 1;
    for (let k = raw.indexOf('\n'); k !== -1; k = raw.indexOf('\n', k + 1)) lines += 1;
    const row: CsvRow = error ? { line: this.line, fields, raw, error } : { line: this.line, fields, raw };
    return { row, end, lines };
  }
}

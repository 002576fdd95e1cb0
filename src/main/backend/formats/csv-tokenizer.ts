/**
 * A small streaming RFC 4180 tokenizer that knows, for every record, the line it starts on and
 * its raw text. Quoted fields may hold delimiters, doubled quotes and line breaks; CRLF, LF and
 * lone CR all end a record; a missing final newline is fine. A quote inside an unquoted field is
 * kept as text (real exports do this). Used until the pipeline's fast reader (src/main/backend/csv/)
 * is swapped in behind csv-rows.ts.
 */
export interface CsvRow {
  /** 1-based line where the record starts. */
  line: number;
  fields: string[];
  /** The record's text as read, without its line ending. */
  raw: string;
  /** Set when the record is malformed but readable (text after a closing quote). */
  problem: string | null;
}

export class UnclosedQuoteError extends Error {
  constructor(readonly line: number, readonly column: number) {
    super(`a quoted field that starts here (field ${column}) is never closed`);
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** A record longer than this is almost surely an unbalanced quote swallowing the file. */
const MAX_RECORD_CHARS = 8 * 1024 * 1024;

export class CsvTokenizer {
  private readonly delimiter: number;
  private fields: string[] = [];
  private field = '';
  private raw = '';
  private isQuoted = false;
  private isInQuotes = false;
  private isAfterQuote = false;
  private problem: string | null = null;
  private line = 1;
  private recordLine = 1;
  private isPendingCr = false;
  private isQuotedCrPending = false;
  private hasContent = false;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  push(text: string, out: CsvRow[]): void {
    const { delimiter } = this;
    let fieldStart = 0;
    let i = 0;
    // Unquoted runs are copied with slice() rather than char by char: most cells are unquoted.
    const flushRun = (end: number) => {
      if (end > fieldStart) this.field += text.slice(fieldStart, end);
    };
    let rawStart = 0;
    const n = text.length;
    if (this.isPendingCr) {
      this.isPendingCr = false;
      if (n > 0 && text.charCodeAt(0) === LF) {
        i = 1;
        fieldStart = 1;
        rawStart = 1;
      }
    }
    const isCrCarried = this.isQuotedCrPending;
    this.isQuotedCrPending = false;
    for (; i < n; i += 1) {
      const code = text.charCodeAt(i);
      if (this.isInQuotes) {
        if (code === QUOTE) {
          flushRun(i);
          if (i + 1 < n && text.charCodeAt(i + 1) === QUOTE) {
            this.field += '"';
            i += 1;
            fieldStart = i + 1;
          } else if (i + 1 >= n) {
            // The next chunk decides whether this is "" or a closing quote: keep it pending.
            this.raw += text.slice(rawStart, i);
            this.carry = '"';
            return;
          } else {
            this.isInQuotes = false;
            this.isAfterQuote = true;
            fieldStart = i + 1;
          }
        } else if (code === LF) {
          if (!(i === 0 && isCrCarried)) this.line += 1;
        } else if (code === CR && !(i + 1 < n && text.charCodeAt(i + 1) === LF)) {
          // A CR ending the chunk may be half of a CRLF: count it now, skip the LF if it follows.
          this.line += 1;
          if (i + 1 >= n) this.isQuotedCrPending = true;
        }
        continue;
      }
      if (code === delimiter) {
        flushRun(i);
        this.endField();
        fieldStart = i + 1;
        this.hasContent = true;
      } else if (code === LF || code === CR) {
        flushRun(i);
        this.raw += text.slice(rawStart, i);
        this.endRecord(out);
        this.line += 1;
        if (code === CR) {
          if (i + 1 < n) {
            if (text.charCodeAt(i + 1) === LF) i += 1;
          } else {
            this.isPendingCr = true;
          }
        }
        this.recordLine = this.line;
        fieldStart = i + 1;
        rawStart = i + 1;
      } else if (code === QUOTE && this.field === '' && fieldStart === i && !this.isAfterQuote && !this.isQuoted) {
        this.isInQuotes = true;
        this.isQuoted = true;
        this.hasContent = true;
        fieldStart = i + 1;
      } else {
        this.hasContent = true;
        if (this.isAfterQuote && this.problem === null) this.problem = `text after the closing quote of field ${this.fields.length + 1}`;
      }
    }
    flushRun(n);
    this.raw += text.slice(rawStart, n);
    if (this.raw.length > MAX_RECORD_CHARS) throw new UnclosedQuoteError(this.recordLine, this.fields.length + 1);
  }

  /** A lone quote held back at a chunk boundary; write() prepends it to the next chunk. */
  private carry = '';

  write(text: string, out: CsvRow[]): void {
    if (this.carry) {
      const carried = this.carry;
      this.carry = '';
      // Re-enter quoted mode and replay the quote with the new text, so "" across chunks works.
      this.push(carried + text, out);
      return;
    }
    this.push(text, out);
  }

  end(out: CsvRow[]): void {
    if (this.carry) {
      this.carry = '';
      this.isInQuotes = false;
      this.raw += '"';
    }
    if (this.isInQuotes) throw new UnclosedQuoteError(this.recordLine, this.fields.length + 1);
    if (this.hasContent || this.field !== '' || this.fields.length > 0) this.endRecord(out);
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.isQuoted = false;
    this.isAfterQuote = false;
  }

  private endRecord(out: CsvRow[]): void {
    this.endField();
    out.push({ line: this.recordLine, fields: this.fields, raw: this.raw, problem: this.problem });
    this.fields = [];
    this.raw = '';
    this.problem = null;
    this.hasContent = false;
  }
}

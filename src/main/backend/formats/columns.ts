import { normaliseName } from './dialect';
import { refuseFile } from './refusal';

/**
 * Reads cells by column name, so exports whose column order or count differs between versions
 * (Shopify: 75–79 columns) are read the same way.
 */
export class ColumnReader {
  private readonly index = new Map<string, number>();

  constructor(readonly header: readonly string[]) {
    header.forEach((name, i) => {
      const key = normaliseName(name);
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }

  has(name: string): boolean {
    return this.index.has(normaliseName(name));
  }

  /** The first of the given names the header has, as written in the header. */
  nameOf(...names: string[]): string | null {
    for (const name of names) {
      const i = this.index.get(normaliseName(name));
      if (i !== undefined) return this.header[i] ?? null;
    }
    return null;
  }

  /** A getter for one column (trying alternative names); missing columns read as ''. */
  cell(...names: string[]): (fields: readonly string[]) => string {
    for (const name of names) {
      const i = this.index.get(normaliseName(name));
      if (i !== undefined) return (fields) => (fields[i] ?? '').trim();
    }
    return () => '';
  }

  requireAll(file: string, required: readonly (readonly string[])[]): void {
    const missing = required.filter((names) => !names.some((name) => this.has(name))).map((names) => names[0]!);
    if (missing.length > 0) throw refuseFile(file, `missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, 1);
  }
}

import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { NATIVE_COLUMNS, NATIVE_LOAD_ORDER, type NativeEntity } from '../../../shared/data-contract/native-format';

/** Rows are concatenated into big strings and written in ~1 MB chunks: few syscalls, no per-row objects. */
const FLUSH_CHARS = 1 << 20;

export class EntitySink {
  private text = '';
  private fd = -1;
  bytes = 0;
  /** Data rows written over all folders (headers excluded). */
  rows = 0;

  constructor(readonly entity: NativeEntity) {}

  open(folder: string): void {
    this.fd = openSync(path.join(folder, `${this.entity}.csv`), 'w');
    this.text = `${NATIVE_COLUMNS[this.entity].join(',')}\n`;
  }

  /** `row` is a complete CSV record ending in LF. */
  write(row: string): void {
    this.text += row;
    this.rows += 1;
    if (this.text.length > FLUSH_CHARS) this.flush();
  }

  flush(): void {
    if (this.text.length === 0) return;
    this.bytes += writeSync(this.fd, this.text);
    this.text = '';
  }

  close(): void {
    if (this.fd < 0) return;
    this.flush();
    closeSync(this.fd);
    this.fd = -1;
  }
}

/**
 * One export day: `outDir/YYYY-MM-DD/<entity>.csv`, every entity file present (header only when
 * the day has no rows), the way a nightly export drops a complete set.
 */
export class DayFolderWriter {
  readonly sinks: Record<NativeEntity, EntitySink>;
  files = 0;

  constructor(private readonly outDir: string) {
    this.sinks = Object.fromEntries(NATIVE_LOAD_ORDER.map((e) => [e, new EntitySink(e)])) as Record<NativeEntity, EntitySink>;
  }

  open(date: string): void {
    const folder = path.join(this.outDir, date);
    mkdirSync(folder, { recursive: true });
    for (const entity of NATIVE_LOAD_ORDER) this.sinks[entity].open(folder);
    this.files += NATIVE_LOAD_ORDER.length;
  }

  close(): void {
    for (const entity of NATIVE_LOAD_ORDER) this.sinks[entity].close();
  }

  bytes(): number {
    return NATIVE_LOAD_ORDER.reduce((sum, e) => sum + this.sinks[e].bytes, 0);
  }
}

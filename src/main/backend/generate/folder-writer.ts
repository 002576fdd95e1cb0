import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { NATIVE_COLUMNS, NATIVE_LOAD_ORDER, type NativeEntity } from '../../../shared/data-contract/native-format';

/**
 * Rows are UTF-8 encoded straight into a reusable 1 MB buffer and written when it fills: few
 * syscalls, and no long string ropes for the garbage collector (measured: ~2.5× less CPU than
 * concatenating strings and writing them).
 */
const BUFFER_BYTES = 1 << 20;

export class EntitySink {
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  private fd = -1;
  bytes = 0;
  /** Data rows written over all folders (headers excluded). */
  rows = 0;

  constructor(readonly entity: NativeEntity) {}

  open(folder: string): void {
    this.fd = openSync(path.join(folder, `${this.entity}.csv`), 'w');
    this.used = this.buffer.write(`${NATIVE_COLUMNS[this.entity].join(',')}\n`, 0);
  }

  /** `row` is a complete CSV record ending in LF. */
  write(row: string): void {
    // A UTF-16 code unit takes at most 3 UTF-8 bytes.
    if (this.used + row.length * 3 > BUFFER_BYTES) this.flush();
    this.used += this.buffer.write(row, this.used);
    this.rows += 1;
  }

  flush(): void {
    if (this.used === 0) return;
    this.bytes += writeSync(this.fd, this.buffer, 0, this.used);
    this.used = 0;
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

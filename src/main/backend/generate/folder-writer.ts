import { mkdir, writeFile } from 'node:fs';
import path from 'node:path';
import { NATIVE_COLUMNS, NATIVE_LOAD_ORDER, type NativeEntity } from '../../../shared/data-contract/native-format';
import { RowBuffer } from './row-buffer';

/** One entity's file of the current day: rows are encoded into memory and written once. */
export class EntitySink extends RowBuffer {
  /** Data rows written over all folders (headers excluded). */
  rows = 0;
  private readonly header: string;

  constructor(readonly entity: NativeEntity) {
    super();
    this.header = `${NATIVE_COLUMNS[entity].join(',')}\n`;
  }

  begin(): void {
    this.clear();
    this.ascii(this.header);
  }

  /** `row` is a complete CSV record ending in LF (the cold paths: customers, products, noise). */
  write(row: string): void {
    this.text(row);
    this.rows += 1;
  }

  /** Ends a row encoded field by field. */
  endRow(): void {
    this.char(10);
    this.rows += 1;
  }

  /** Copies the day's bytes into `target` (large enough) so the sink can start the next day. */
  copyDayInto(target: Buffer): Buffer {
    const view = this.view();
    view.copy(target);
    return target.subarray(0, view.length);
  }
}

/**
 * Buffers for days in flight, reused once their files are on disk: a fresh Buffer per file and
 * day meant ~250 MB of short-lived external memory for a large store, which inflated peak RSS.
 */
class BufferPool {
  private readonly free: Buffer[] = [];

  borrow(bytes: number): Buffer {
    for (let i = this.free.length - 1; i >= 0; i -= 1) {
      const buffer = this.free[i] as Buffer;
      if (buffer.length >= bytes) {
        this.free.splice(i, 1);
        return buffer;
      }
    }
    let size = 1 << 14;
    while (size < bytes) size *= 2;
    return Buffer.allocUnsafeSlow(size);
  }

  giveBack(buffers: Buffer[]): void {
    this.free.push(...buffers);
  }
}

/** The callback API: fs/promises' FileHandle objects cost ~3× more main-thread time per file. */
function writeDayFolder(folder: string, files: { file: string; data: Buffer }[]): Promise<void> {
  return new Promise((resolve, reject) => {
    mkdir(folder, (mkdirError) => {
      if (mkdirError) return reject(mkdirError);
      let pending = files.length;
      let failed = false;
      for (const { file, data } of files) {
        writeFile(path.join(folder, file), data, (error) => {
          if (failed) return;
          if (error) {
            failed = true;
            return reject(error);
          }
          pending -= 1;
          if (pending === 0) resolve();
        });
      }
    });
  });
}

/** Days handed to the I/O pool and not yet on disk; a day is ~0.3 MB on average, ~2 MB at a peak. */
const MAX_DAYS_IN_FLIGHT = 8;

/**
 * One export day: `outDir/YYYY-MM-DD/<entity>.csv`, every entity file present (header only when
 * the day has no rows), the way a nightly export drops a complete set. Each file is written once,
 * in one chunk, on the I/O thread pool while the next days are simulated: creating ~5,000 files
 * synchronously cost ~2 s of main-thread time. A few days may be in flight, which smooths out
 * slow file creation without holding more than a few MB.
 */
export class DayFolderWriter {
  readonly sinks: Record<NativeEntity, EntitySink>;
  files = 0;
  bytes = 0;
  private folder = '';
  private readonly inFlight: Promise<void>[] = [];
  private readonly pool = new BufferPool();

  constructor(private readonly outDir: string) {
    this.sinks = Object.fromEntries(NATIVE_LOAD_ORDER.map((e) => [e, new EntitySink(e)])) as Record<NativeEntity, EntitySink>;
  }

  open(date: string): void {
    this.folder = path.join(this.outDir, date);
    for (const entity of NATIVE_LOAD_ORDER) this.sinks[entity].begin();
  }

  /** Hands the day to the I/O pool; waits only when too many days are in flight (errors surface here). */
  async close(): Promise<void> {
    const borrowed: Buffer[] = [];
    const files = NATIVE_LOAD_ORDER.map((entity) => {
      const sink = this.sinks[entity];
      const buffer = this.pool.borrow(sink.length);
      borrowed.push(buffer);
      return { file: `${entity}.csv`, data: sink.copyDayInto(buffer) };
    });
    for (const { data } of files) this.bytes += data.length;
    this.files += files.length;
    const writing = writeDayFolder(this.folder, files).then(() => this.pool.giveBack(borrowed));
    // Handled now (a failure must not crash the process as an unhandled rejection while later
    // days are simulated), and still re-thrown to whoever awaits it below or in finish().
    writing.catch(() => undefined);
    this.inFlight.push(writing);
    if (this.inFlight.length > MAX_DAYS_IN_FLIGHT) await this.inFlight.shift();
  }

  /** Waits until everything handed over is on disk. */
  async finish(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
  }

  /** After a failure or cancel: let in-flight writes end without raising a second error. */
  async abandon(): Promise<void> {
    const all = this.inFlight.splice(0);
    await Promise.allSettled(all);
  }
}

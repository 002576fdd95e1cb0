import { mkdir, writeFile } from 'node:fs/promises';
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

  /** A copy of the day's bytes, so the sink can start the next day while they are written. */
  takeDay(): Buffer {
    return Buffer.from(this.view());
  }
}

async function writeDayFolder(folder: string, files: { file: string; data: Buffer }[]): Promise<void> {
  await mkdir(folder);
  await Promise.all(files.map(({ file, data }) => writeFile(path.join(folder, file), data)));
}

/**
 * One export day: `outDir/YYYY-MM-DD/<entity>.csv`, every entity file present (header only when
 * the day has no rows), the way a nightly export drops a complete set. Each file is written once,
 * in one chunk, on the I/O thread pool while the next day is simulated: creating ~5,000 files
 * cost ~2 s of main-thread time when done synchronously. At most one day is in flight, so
 * memory stays at two days of rows.
 */
export class DayFolderWriter {
  readonly sinks: Record<NativeEntity, EntitySink>;
  files = 0;
  bytes = 0;
  private folder = '';
  private inFlight: Promise<void> | null = null;

  constructor(private readonly outDir: string) {
    this.sinks = Object.fromEntries(NATIVE_LOAD_ORDER.map((e) => [e, new EntitySink(e)])) as Record<NativeEntity, EntitySink>;
  }

  open(date: string): void {
    this.folder = path.join(this.outDir, date);
    for (const entity of NATIVE_LOAD_ORDER) this.sinks[entity].begin();
  }

  /** Hands the day to the I/O pool once the previous day is on disk (its error surfaces here). */
  async close(): Promise<void> {
    const files = NATIVE_LOAD_ORDER.map((entity) => ({ file: `${entity}.csv`, data: this.sinks[entity].takeDay() }));
    for (const { data } of files) this.bytes += data.length;
    this.files += files.length;
    const previous = this.inFlight;
    this.inFlight = null;
    if (previous) await previous;
    const writing = writeDayFolder(this.folder, files);
    // Handled now (a failure must not crash the process as an unhandled rejection while the next
    // day is simulated), and still re-thrown to whoever awaits `inFlight` next.
    writing.catch(() => undefined);
    this.inFlight = writing;
  }

  /** Waits until everything handed over is on disk. */
  async finish(): Promise<void> {
    const last = this.inFlight;
    this.inFlight = null;
    if (last) await last;
  }

  /** After a failure or cancel: let in-flight writes end without raising a second error. */
  async abandon(): Promise<void> {
    await this.finish().catch(() => undefined);
  }
}

import type Database from 'better-sqlite3';
import type { NativeEntity } from '../../../../shared/data-contract/native-format';
import type { Db } from '../../db/open';
import { stagedColumns } from '../validate/entity-specs';
import type { SqlValue } from '../validate/validators';

/** Rows per multi-row INSERT: large enough to amortise the statement, small enough for SQLite's parameter limit. */
const ROWS_PER_STATEMENT = 100;
const LINEAGE_COLUMNS = ['batch_id', 'source_file', 'source_line', 'ingested_at', 'row_hash'];

export interface Lineage {
  batchId: number;
  sourceFile: string;
  ingestedAt: string;
}

/** Appends validated rows to stg_<entity> with prepared multi-row INSERTs. */
export class StageWriter {
  private readonly many: Database.Statement<unknown[]>;
  private readonly one: Database.Statement<unknown[]>;
  private readonly width: number;
  private params: SqlValue[] = [];
  private pendingRows = 0;
  rowsWritten = 0;

  constructor(
    db: Db,
    readonly entity: NativeEntity,
    private readonly lineage: Lineage,
  ) {
    const columns = [...LINEAGE_COLUMNS, ...stagedColumns(entity)];
    this.width = columns.length;
    const tuple = `(${columns.map(() => '?').join(',')})`;
    const head = `INSERT INTO stg_${entity} (${columns.join(',')}) VALUES `;
    this.many = db.prepare(head + Array.from({ length: ROWS_PER_STATEMENT }, () => tuple).join(','));
    this.one = db.prepare(head + tuple);
  }

  add(line: number, hash: number, values: readonly SqlValue[]): void {
    const p = this.params;
    p.push(this.lineage.batchId, this.lineage.sourceFile, line, this.lineage.ingestedAt, hash);
    for (let i = 0; i < values.length; i += 1) p.push(values[i] as SqlValue);
    this.pendingRows += 1;
    if (this.pendingRows === ROWS_PER_STATEMENT) {
      this.many.run(p);
      this.params = [];
      this.pendingRows = 0;
      this.rowsWritten += ROWS_PER_STATEMENT;
    }
  }

  flush(): void {
    for (let row = 0; row < this.pendingRows; row += 1) this.one.run(this.params.slice(row * this.width, (row + 1) * this.width));
    this.rowsWritten += this.pendingRows;
    this.params = [];
    this.pendingRows = 0;
  }
}

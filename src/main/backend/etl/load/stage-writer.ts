import type Database from 'better-sqlite3';
import type { NativeEntity } from '../../../../shared/data-contract/native-format';
import type { Db } from '../../db/open';
import { stagedColumns } from '../validate/entity-specs';
import type { SqlValue } from '../validate/validators';

/** Rows per multi-row INSERT: large enough to amortise the statement, small enough for SQLite's parameter limit. */
const ROWS_PER_STATEMENT = 100;
/** The same for every row of a file: named parameters, bound once per statement instead of once per row. */
const FILE_COLUMNS = ['batch_id', 'source_file', 'ingested_at'];
const ROW_LINEAGE_COLUMNS = ['source_line', 'row_hash'];

export interface Lineage {
  batchId: number;
  sourceFile: string;
  ingestedAt: string;
}

/**
 * Appends validated rows to stg_<entity> with prepared multi-row INSERTs. One parameter array is
 * reused for every statement, so a million rows allocate nothing per row here.
 */
export class StageWriter {
  private readonly many: Database.Statement<unknown[]>;
  private readonly head: string;
  private readonly tuple: string;
  /** Values per row: source_line, row_hash and the entity's columns. */
  private readonly width: number;
  private readonly params: SqlValue[];
  private readonly fileValues: Record<string, SqlValue>;
  /** Statements for partial flushes, by row count: every parent miss flushes, so counts vary. */
  private readonly partial = new Map<number, Database.Statement<unknown[]>>();
  private pendingRows = 0;
  rowsWritten = 0;

  constructor(
    private readonly db: Db,
    readonly entity: NativeEntity,
    lineage: Lineage,
  ) {
    const rowColumns = [...ROW_LINEAGE_COLUMNS, ...stagedColumns(entity)];
    this.width = rowColumns.length;
    this.tuple = `(${FILE_COLUMNS.map((c) => `@${c}`).join(',')},${rowColumns.map(() => '?').join(',')})`;
    this.head = `INSERT INTO stg_${entity} (${[...FILE_COLUMNS, ...rowColumns].join(',')}) VALUES `;
    this.many = db.prepare(this.statementSql(ROWS_PER_STATEMENT));
    this.params = new Array<SqlValue>(ROWS_PER_STATEMENT * this.width).fill(null);
    this.fileValues = { batch_id: lineage.batchId, source_file: lineage.sourceFile, ingested_at: lineage.ingestedAt };
  }

  private statementSql(rows: number): string {
    return this.head + Array.from({ length: rows }, () => this.tuple).join(',');
  }

  /** Adds one row whose typed values (ENTITY_FIELDS order) start at `at` in `values`. */
  add(line: number, hash: number, values: readonly SqlValue[], at = 0): void {
    const p = this.params;
    let i = this.pendingRows * this.width;
    p[i++] = line;
    p[i++] = hash;
    const end = at + this.width - ROW_LINEAGE_COLUMNS.length;
    for (let v = at; v < end; v += 1) p[i++] = values[v] as SqlValue;
    this.pendingRows += 1;
    if (this.pendingRows === ROWS_PER_STATEMENT) {
      this.many.run(p, this.fileValues);
      this.pendingRows = 0;
      this.rowsWritten += ROWS_PER_STATEMENT;
    }
  }

  /** Writes the rows still buffered, so lookups (parents, duplicates) see them. */
  flush(): void {
    if (this.pendingRows === 0) return;
    const used = this.pendingRows * this.width;
    let statement = this.partial.get(this.pendingRows);
    if (statement === undefined) {
      statement = this.db.prepare(this.statementSql(this.pendingRows));
      this.partial.set(this.pendingRows, statement);
    }
    statement.run(this.params.slice(0, used), this.fileValues);
    this.rowsWritten += this.pendingRows;
    this.pendingRows = 0;
  }
}

import type Database from 'better-sqlite3';
import type { Db } from '../../db/open';

export interface QuarantineEntry {
  batchId: number;
  file: string;
  entity: string | null;
  line: number;
  column: string | null;
  code: string;
  reason: string;
  raw: string;
  fields: readonly string[] | null;
}

/** Writes rows that failed: with where, why (a sentence a person can act on) and the raw text. */
export class QuarantineWriter {
  private readonly insert: Database.Statement<unknown[]>;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO quarantine (batch_id, file, entity, line, column_name, reason_code, reason, raw, fields_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  add(entry: QuarantineEntry): void {
    this.insert.run(
      entry.batchId,
      entry.file,
      entry.entity,
      entry.line,
      entry.column,
      entry.code,
      entry.reason,
      entry.raw,
      entry.fields === null ? null : JSON.stringify(entry.fields),
    );
  }
}

import { writeFileSync } from 'node:fs';
import type { QuarantineReasonCount, QuarantineRow } from '../../../../shared/contract/imports';
import type { Db } from '../../db/open';

export interface QuarantineFilter {
  batchId?: number;
  file?: string;
  reasonCode?: string;
  status: 'open' | 'resolved' | 'superseded' | 'all';
}

function whereOf(filter: QuarantineFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (filter.batchId !== undefined) {
    clauses.push('batch_id = ?');
    params.push(filter.batchId);
  }
  if (filter.file !== undefined && filter.file !== '') {
    clauses.push("file LIKE ? ESCAPE '\\'");
    params.push(`%${filter.file.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (filter.reasonCode !== undefined && filter.reasonCode !== '') {
    clauses.push('reason_code = ?');
    params.push(filter.reasonCode);
  }
  if (filter.status !== 'all') {
    clauses.push('status = ?');
    params.push(filter.status);
  }
  return { sql: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}

interface Row {
  quarantine_id: number; batch_id: number; file: string; entity: string | null; line: number; column_name: string | null;
  reason_code: string; reason: string; raw: string; status: QuarantineRow['status'];
}

function toRow(r: Row): QuarantineRow {
  return {
    quarantineId: r.quarantine_id, batchId: r.batch_id, file: r.file, entity: r.entity, line: r.line, column: r.column_name,
    reasonCode: r.reason_code, reason: r.reason, raw: r.raw, status: r.status,
  };
}

export function listQuarantine(db: Db, filter: QuarantineFilter, limit: number, offset: number): { total: number; rows: QuarantineRow[] } {
  const where = whereOf(filter);
  const total = Number(db.prepare(`SELECT count(*) FROM quarantine ${where.sql}`).pluck().get(...where.params));
  const rows = db
    .prepare<unknown[], Row>(`SELECT * FROM quarantine ${where.sql} ORDER BY quarantine_id LIMIT ? OFFSET ?`)
    .all(...where.params, limit, offset)
    .map(toRow);
  return { total, rows };
}

export function quarantineReasons(db: Db, filter: Pick<QuarantineFilter, 'batchId' | 'status'>): QuarantineReasonCount[] {
  const where = whereOf({ ...filter });
  return db
    .prepare<unknown[], QuarantineReasonCount>(
      `SELECT reason_code AS reasonCode, count(*) AS rows, min(reason) AS example FROM quarantine ${where.sql}
       GROUP BY reason_code ORDER BY rows DESC, reasonCode`,
    )
    .all(...where.params);
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The filtered quarantine as CSV: where each row came from, why it failed, and its raw text. */
export function quarantineCsv(db: Db, filter: QuarantineFilter): { csv: string; rows: number } {
  const where = whereOf(filter);
  const header = ['quarantine_id', 'batch_id', 'file', 'entity', 'line', 'column', 'reason_code', 'reason', 'status', 'raw'];
  const lines = [header.join(',')];
  let rows = 0;
  for (const r of db.prepare<unknown[], Row>(`SELECT * FROM quarantine ${where.sql} ORDER BY quarantine_id`).iterate(...where.params)) {
    lines.push([r.quarantine_id, r.batch_id, r.file, r.entity, r.line, r.column_name, r.reason_code, r.reason, r.status, r.raw].map(csvCell).join(','));
    rows += 1;
  }
  return { csv: `${lines.join('\n')}\n`, rows };
}

export function exportQuarantine(db: Db, path: string, filter: QuarantineFilter): { path: string; rows: number } {
  const { csv, rows } = quarantineCsv(db, filter);
  writeFileSync(path, csv, 'utf8');
  return { path, rows };
}

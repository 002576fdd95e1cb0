import { statSync } from 'node:fs';
import { NATIVE_LOAD_ORDER, type NativeEntity } from '../../../../shared/data-contract/native-format';
import type { DetectedFormat, RecordSource, SourceRecord } from '../source';
import { openRecordSource } from '../sources/open-record-source';
import { ENTITY_FIELDS } from '../validate/entity-specs';
import { validateInto, type SqlValue } from '../validate/validators';
import { streamingDigest } from './file-digest';
import { HashSet53 } from './hash-set-53';
import { rowHash } from './row-hash';

/** A row that goes to quarantine as read: it could not be shaped, or failed its entity's rules. */
export interface BatchProblem {
  /** Index of the first valid row of the batch that comes after it: the writer quarantines in file order. */
  before: number;
  entity: NativeEntity | null;
  line: number;
  column: string | null;
  code: string;
  reason: string;
  raw: string;
  fields: string[] | null;
}

/**
 * Rows that passed their entity's rules, flat and made of primitives only, so a batch crosses
 * threads as cheap structured-clone data (typed arrays transferred) instead of a million objects.
 * Row i's typed values (ENTITY_FIELDS order) sit back to back in `values`.
 */
export interface ValidatedBatch {
  seq: number;
  rowCount: number;
  /** Index into NATIVE_LOAD_ORDER of each row's entity; null when the file has a single entity. */
  entityIndexes: Uint8Array | null;
  lines: Float64Array;
  hashes: Float64Array;
  /**
   * 1 where a row with the same content came earlier in the file: found here, beside the parse,
   * so the single writer does not pay for it. Only for a one-entity file, whose rows' parents
   * cannot change while it loads, so a repeat of a loaded row is a duplicate; null otherwise.
   */
  repeats: Uint8Array | null;
  values: SqlValue[];
  problems: BatchProblem[];
  /** Bytes of the file consumed so far, for progress. */
  bytesRead: number;
}

export type ReaderEvent =
  | { kind: 'opened'; format: DetectedFormat; entities: NativeEntity[] }
  | { kind: 'batch'; batch: ValidatedBatch }
  | { kind: 'end'; sha256: string; parseMs: number; validateMs: number };

/** What the writer needs to quarantine a valid row whose parent turned out to be missing. */
export interface RowDetails {
  raw: string;
  fields: string[];
}

export interface ReadOptions {
  mapping?: unknown;
  batchRows?: number;
}

/** Sizes the repeat set from the file (order lines average ~42 bytes): growing it rehashes every row seen so far. */
const BYTES_PER_ROW_ESTIMATE = 48;
/** Beyond this the set grows as it fills: a misjudged estimate must not reserve a huge table. */
const MAX_PRESIZED_ROWS = 1 << 21;

function expectedRows(file: string): number {
  try {
    return 2 * Math.min(MAX_PRESIZED_ROWS, Math.ceil(statSync(file).size / BYTES_PER_ROW_ESTIMATE));
  } catch {
    return 0;
  }
}

export const ENTITY_WIDTH: { readonly [E in NativeEntity]: number } = Object.fromEntries(
  NATIVE_LOAD_ORDER.map((entity) => [entity, ENTITY_FIELDS[entity].length]),
) as { [E in NativeEntity]: number };

/**
 * Reads, parses, validates and hashes one file: everything of staging that needs no database.
 * `keep` receives the valid records of each batch, so the writer can later ask for the raw text
 * of the few rows it quarantines (a missing parent is only known to the writer).
 */
export async function* readValidatedFile(file: string, options: ReadOptions, keep: (seq: number, records: SourceRecord[]) => void): AsyncGenerator<ReaderEvent> {
  const digest = streamingDigest();
  // Small batches: a batch's rows live until it is staged, and batches of thousands of rows outlived
  // V8's young generation, which made garbage collection most of the cost (8 s → 2.5 s on 1M orders).
  const source: RecordSource = await openRecordSource(file, { mapping: options.mapping, onChunk: digest.update, batchRows: options.batchRows ?? 512 });
  const entities = [...source.entities];
  yield { kind: 'opened', format: source.format, entities };
  const onlyEntity = entities.length === 1 ? entities[0] : undefined;
  const seen = onlyEntity === undefined ? null : new HashSet53(expectedRows(file));
  let parseMs = 0;
  let validateMs = 0;
  let seq = 0;
  const iterator = source.batches()[Symbol.asyncIterator]();
  for (;;) {
    let started = performance.now();
    const next = await iterator.next();
    parseMs += performance.now() - started;
    if (next.done) break;
    started = performance.now();
    const { records, rejects } = next.value;
    const problems: BatchProblem[] = rejects.map((reject) => ({
      before: 0, entity: reject.entity ?? null, line: reject.line, column: reject.column, code: reject.code ?? 'malformed_row', reason: reject.reason, raw: reject.raw, fields: null,
    }));
    const lines = new Float64Array(records.length);
    const hashes = new Float64Array(records.length);
    const entityIndexes = onlyEntity === undefined ? new Uint8Array(records.length) : null;
    const repeats = seen === null ? null : new Uint8Array(records.length);
    const values: SqlValue[] = [];
    const valid: SourceRecord[] = [];
    for (const record of records) {
      const failure = validateInto(record.entity, record.fields, values);
      if (failure !== null) {
        problems.push({ before: valid.length, entity: record.entity, line: record.line, column: failure.column, code: failure.code, reason: failure.reason, raw: record.raw, fields: record.fields });
        continue;
      }
      const row = valid.length;
      lines[row] = record.line;
      const hash = rowHash(record.fields);
      hashes[row] = hash;
      if (repeats !== null && !(seen as HashSet53).add(hash)) repeats[row] = 1;
      if (entityIndexes !== null) entityIndexes[row] = NATIVE_LOAD_ORDER.indexOf(record.entity);
      valid.push(record);
    }
    keep(seq, valid);
    const rowCount = valid.length;
    const batch: ValidatedBatch = {
      seq, rowCount, entityIndexes: entityIndexes?.slice(0, rowCount) ?? null, lines: lines.slice(0, rowCount), hashes: hashes.slice(0, rowCount),
      repeats: repeats?.slice(0, rowCount) ?? null,
      values, problems, bytesRead: source.bytesRead(),
    };
    seq += 1;
    validateMs += performance.now() - started;
    yield { kind: 'batch', batch };
  }
  yield { kind: 'end', sha256: digest.hex(), parseMs, validateMs };
}

/** The entity of row `row` of a batch. */
export function entityOfRow(batch: ValidatedBatch, row: number, onlyEntity: NativeEntity | undefined): NativeEntity {
  if (batch.entityIndexes === null) return onlyEntity as NativeEntity;
  return NATIVE_LOAD_ORDER[batch.entityIndexes[row] as number] as NativeEntity;
}

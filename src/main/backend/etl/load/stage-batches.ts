import type { NativeEntity } from '../../../../shared/data-contract/native-format';
import type { Db } from '../../db/open';
import type { RowProblem } from '../validate/validators';
import { DuplicateFinder } from './duplicate-finder';
import type { FileRead } from './file-reader';
import type { ParentKeys } from './parent-keys';
import type { QuarantineEntry, QuarantineWriter } from './quarantine-writer';
import { StageWriter } from './stage-writer';
import { ENTITY_WIDTH, entityOfRow, type BatchProblem, type RowDetails, type ValidatedBatch } from './validated-reader';

export interface WriterContext {
  db: Db;
  batchId: number;
  sourceFile: string;
  ingestedAt: string;
  parents: ParentKeys;
  quarantine: QuarantineWriter;
  onBytes(bytes: number): void;
  throwIfCancelled(): void;
}

export interface WriterCounters {
  read: number;
  loaded: number;
  duplicate: number;
  quarantined: number;
  /** Writer busy: parent and duplicate checks, inserts, quarantine. */
  stageMs: number;
  /** Writer idle, waiting for the reader's next batch. */
  waitMs: number;
}

export interface ReaderTotals {
  sha256: string;
  parseMs: number;
  validateMs: number;
}

interface EntityState {
  writer: StageWriter;
  duplicates: DuplicateFinder;
}

/** A valid row whose parent is missing: quarantined once the reader has sent its raw text. */
interface Orphan {
  row: number;
  entity: NativeEntity;
  line: number;
  problem: RowProblem;
}

/**
 * The single writer's side of a staging load: takes validated batches from the reader (in this
 * thread or a worker), checks parents ("in this run or the warehouse") and duplicates, which need
 * the database, appends the rest to staging and quarantines the failures in file order.
 */
export async function stageBatches(read: FileRead, entities: readonly NativeEntity[], ctx: WriterContext, counters: WriterCounters): Promise<ReaderTotals> {
  const stager = new BatchStager(read, entities, ctx, counters);
  try {
    return await stager.stageAll();
  } catch (error) {
    stager.isAbandoned = true;
    throw error;
  }
}

class BatchStager {
  private readonly states = new Map<NativeEntity, EntityState>();
  private readonly onlyEntity: NativeEntity | undefined;
  /**
   * Quarantine writes wait for the raw text of orphaned rows, which the reader sends back while
   * the writer goes on with the next batches; chained, they still land in file order.
   */
  private quarantined: Promise<void> = Promise.resolve();
  /** A file refused or cancelled part-way is undone by the caller: late answers must not write after that. */
  isAbandoned = false;

  constructor(
    private readonly read: FileRead,
    entities: readonly NativeEntity[],
    private readonly ctx: WriterContext,
    private readonly counters: WriterCounters,
  ) {
    this.onlyEntity = entities.length === 1 ? entities[0] : undefined;
  }

  private readonly stateFor = (entity: NativeEntity): EntityState => {
    let state = this.states.get(entity);
    if (!state) {
      const { ctx } = this;
      state = {
        writer: new StageWriter(ctx.db, entity, { batchId: ctx.batchId, sourceFile: ctx.sourceFile, ingestedAt: ctx.ingestedAt }),
        duplicates: new DuplicateFinder(ctx.db, entity),
      };
      this.states.set(entity, state);
    }
    return state;
  };

  async stageAll(): Promise<ReaderTotals> {
    const { counters, ctx } = this;
    for (;;) {
      const waitStarted = performance.now();
      const next = await this.read.events.next();
      counters.waitMs += performance.now() - waitStarted;
      if (next.done) throw new Error(`${ctx.sourceFile}: the reader stopped before the end of the file`);
      const event = next.value;
      if (event.kind === 'opened') continue;
      const started = performance.now();
      if (event.kind === 'end') {
        for (const state of this.states.values()) state.writer.flush();
        await this.quarantined;
        counters.stageMs += performance.now() - started;
        return event;
      }
      ctx.throwIfCancelled();
      this.stageBatch(event.batch);
      counters.stageMs += performance.now() - started;
      ctx.onBytes(event.batch.bytesRead);
    }
  }

  private stageBatch(batch: ValidatedBatch): void {
    const orphans = stageRows(batch, this.onlyEntity, this.ctx.parents, this.stateFor, this.states, this.counters);
    if (orphans.length === 0) this.read.release(batch.seq);
    const details = orphans.length === 0 ? Promise.resolve([]) : this.read.details(batch.seq, orphans.map((o) => o.row));
    this.quarantined = this.quarantined.then(async () => {
      const rows = await details;
      if (!this.isAbandoned) quarantineInFileOrder(batch, orphans, rows, this.ctx);
    });
    // Awaited at the end of the file; until then a failure must not surface as an unhandled rejection.
    this.quarantined.catch(() => undefined);
  }
}

function stageRows(
  batch: ValidatedBatch, onlyEntity: NativeEntity | undefined, parents: ParentKeys, stateFor: (entity: NativeEntity) => EntityState,
  states: ReadonlyMap<NativeEntity, EntityState>, counters: WriterCounters,
): Orphan[] {
  const { values, lines, hashes, repeats } = batch;
  const orphans: Orphan[] = [];
  counters.read += batch.rowCount + batch.problems.length;
  counters.quarantined += batch.problems.length;
  let at = 0;
  for (let row = 0; row < batch.rowCount; row += 1) {
    const entity = onlyEntity ?? entityOfRow(batch, row, undefined);
    let missing = parents.missingParent(entity, values, at);
    if (missing !== null && onlyEntity === undefined) {
      // Staging lookups see written rows only: the parent may be one this file emitted moments
      // ago (a foreign source's return names the order line it just wrote), still buffered. A
      // one-entity file never holds its own rows' parents, so its orphans need no flush.
      for (const state of states.values()) state.writer.flush();
      missing = parents.missingParent(entity, values, at);
    }
    if (missing !== null) {
      orphans.push({ row, entity, line: lines[row] as number, problem: missing });
      counters.quarantined += 1;
    } else {
      const state = stateFor(entity);
      const hash = hashes[row] as number;
      if (state.duplicates.isDuplicate(hash, values, at, repeats === null ? null : repeats[row] === 1)) {
        counters.duplicate += 1;
      } else {
        state.writer.add(lines[row] as number, hash, values, at);
        parents.remember(entity, values, at);
        counters.loaded += 1;
      }
    }
    at += ENTITY_WIDTH[entity];
  }
  return orphans;
}

/** Rows the reader refused and rows the writer found orphaned, merged back into file order. */
function quarantineInFileOrder(batch: ValidatedBatch, orphans: readonly Orphan[], details: readonly RowDetails[], ctx: WriterContext): void {
  let p = 0;
  orphans.forEach((orphan, i) => {
    while (p < batch.problems.length && (batch.problems[p] as BatchProblem).before <= orphan.row) ctx.quarantine.add(problemEntry(batch.problems[p++] as BatchProblem, ctx));
    const detail = details[i] ?? { raw: '', fields: [] };
    ctx.quarantine.add({
      batchId: ctx.batchId, file: ctx.sourceFile, entity: orphan.entity, line: orphan.line, column: orphan.problem.column, code: orphan.problem.code,
      reason: orphan.problem.reason, raw: detail.raw, fields: detail.fields,
    });
  });
  for (; p < batch.problems.length; p += 1) ctx.quarantine.add(problemEntry(batch.problems[p] as BatchProblem, ctx));
}

function problemEntry(problem: BatchProblem, ctx: WriterContext): QuarantineEntry {
  return {
    batchId: ctx.batchId, file: ctx.sourceFile, entity: problem.entity, line: problem.line, column: problem.column, code: problem.code,
    reason: problem.reason, raw: problem.raw, fields: problem.fields,
  };
}

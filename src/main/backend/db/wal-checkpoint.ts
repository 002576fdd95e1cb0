import { withPragmas } from './connection-pragmas';
import type { Db } from './open';

export interface CheckpointOutcome {
  /** Frames in the write-ahead log, and how many of them are now in the database file. */
  logFrames: number;
  checkpointedFrames: number;
}

/**
 * Automatic checkpoints off. A bulk write (a 1M-line import writes about 1.2 GB) would otherwise
 * end in a commit that also copies the whole log into the database file: 4–5 s the user waits for
 * after the data is already safe in the log. The caller checkpoints afterwards, off the user's
 * path (checkpointAfterWrite).
 */
export const AUTO_CHECKPOINT_OFF = { wal_autocheckpoint: 0 } as const;

/** Runs `body` with AUTO_CHECKPOINT_OFF on this connection. */
export function withoutAutoCheckpoint<T>(db: Db, body: () => T): T {
  return withPragmas(db, AUTO_CHECKPOINT_OFF, body);
}

/**
 * Copies the write-ahead log into the database file without waiting for readers or writers
 * (PASSIVE): the app's reads and the next job go on meanwhile, and what a reader still needs
 * stays for a later checkpoint. Not in WAL mode (a read-only or in-memory connection), a no-op.
 */
export function checkpointAfterWrite(db: Db): CheckpointOutcome {
  const rows = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  const row = rows[0];
  return { logFrames: Math.max(0, row?.log ?? 0), checkpointedFrames: Math.max(0, row?.checkpointed ?? 0) };
}

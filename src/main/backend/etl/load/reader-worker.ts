import { parentPort } from 'node:worker_threads';
import { toErrorInfo } from '../../../../shared/result';
import { toWire, type FromReader, type ToReader } from './reader-protocol';
import { RetainedRecords } from './retained-records';
import { readValidatedFile } from './validated-reader';

/**
 * The reader thread of a staging load: reads, parses, validates and hashes files one at a time
 * while the import's thread (the one SQLite writer) inserts. It sends a batch only when the writer
 * has given it credit, so at most a few batches are ever in memory.
 */
const port = parentPort;
if (port === null) throw new Error('reader-worker must run in a worker thread');

/** Made by the first read, rebuilt only if a read asks for another window: its packing buffers serve file after file. */
let retained = new RetainedRecords();
let credits = 0;
let onCredit: (() => void) | null = null;
let generation = 0;

function send(message: FromReader, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

async function waitForCredit(): Promise<void> {
  while (credits === 0) await new Promise<void>((resolve) => (onCredit = resolve));
  credits -= 1;
}

async function read(message: Extract<ToReader, { type: 'read' }>): Promise<void> {
  generation += 1;
  const mine = generation;
  if (retained.retain !== message.retain) retained = new RetainedRecords(message.retain);
  retained.clear();
  try {
    for await (const event of readValidatedFile(message.file, message.options, (seq, records) => retained.keepLatest(seq, records))) {
      if (event.kind === 'batch') await waitForCredit();
      if (mine !== generation) return;
      const wire = toWire(event);
      send({ type: 'event', event: wire.event }, wire.transfer);
    }
  } catch (error) {
    send({ type: 'failed', error: toErrorInfo(error) });
  }
}

port.on('message', (message: ToReader) => {
  switch (message.type) {
    case 'read':
      credits = 0;
      void read(message);
      break;
    case 'credit': {
      credits += 1;
      const wake = onCredit;
      onCredit = null;
      wake?.();
      break;
    }
    case 'details':
      send({ type: 'details', seq: message.seq, rows: retained.take(message.seq, message.rows) });
      break;
  }
});

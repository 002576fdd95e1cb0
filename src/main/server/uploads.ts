import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { PickedFile } from '../../shared/bridge';
import { AppError } from '../../shared/result';

/**
 * Browser mode has no native file picker: the page uploads the chosen file and the import job
 * then reads it from the data folder like any other path. Each upload gets its own folder so
 * two files with the same name never collide.
 */
export async function receiveUpload(request: IncomingMessage, uploadsDir: string, rawName: string | null): Promise<PickedFile> {
  const name = path.basename(rawName ?? '').replace(/[^\p{L}\p{N}._ -]/gu, '_');
  if (!name || name === '.' || name === '..') throw new AppError('VALIDATION', 'An upload needs a file name (?name=).');
  const folder = path.join(uploadsDir, randomUUID());
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, name);
  let sizeBytes = 0;
  request.on('data', (chunk: Buffer) => (sizeBytes += chunk.length));
  await pipeline(request, createWriteStream(file));
  return { path: file, name, sizeBytes };
}

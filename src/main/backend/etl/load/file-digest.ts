import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** sha256 of a whole file, streamed. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A hash fed while the file streams through the parser, so the file is read once. */
export function streamingDigest(): { hash: Hash; update(chunk: Uint8Array): void; hex(): string } {
  const hash = createHash('sha256');
  let hex: string | null = null;
  return {
    hash,
    update: (chunk) => void hash.update(chunk),
    hex: () => (hex ??= hash.digest('hex')),
  };
}

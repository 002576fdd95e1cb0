import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { strictUtf8Decoder } from './strict-utf8';

/** Feeds `bytes` in chunks of `size` bytes, as a file stream would. */
function decodeInChunks(bytes: Buffer, size: number): string {
  const decode = strictUtf8Decoder();
  let text = '';
  for (let at = 0; at < bytes.length; at += size) text += decode(bytes.subarray(at, at + size), true);
  return text + decode(new Uint8Array(0), false);
}

describe('strictUtf8Decoder', () => {
  it('decodes ASCII and multi-byte text exactly as UTF-8, whatever the chunk boundaries', () => {
    const text = 'order_id,name\nO1,Zoë Ångström\nO2,plain ascii line\nO3,日本語 and emoji 🎉\nO4,again plain\n';
    const bytes = Buffer.from(text, 'utf8');
    // Every chunk size from 1 byte up splits some character in the middle, and mixes ASCII-only chunks in between.
    for (let size = 1; size <= bytes.length; size += 1) expect(decodeInChunks(bytes, size), `chunks of ${size}`).toBe(text);
  });

  it('refuses bytes that are not UTF-8, in a chunk after ASCII ones or split across chunks', () => {
    expect(() => decodeInChunks(Buffer.concat([Buffer.from('abc,def\n'), Buffer.from([0xff, 0x41])]), 4)).toThrow(TypeError);
    // A lead byte at the end of one chunk followed by ASCII in the next is a broken sequence, not two good chunks.
    expect(() => decodeInChunks(Buffer.concat([Buffer.from('abc'), Buffer.from([0xc3]), Buffer.from('def\n')]), 4)).toThrow(TypeError);
    // A character cut off by the end of the file.
    expect(() => decodeInChunks(Buffer.from([0x61, 0xe6, 0x97]), 8)).toThrow(TypeError);
  });
});

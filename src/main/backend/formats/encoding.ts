import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';
import type { FileEncoding } from '../../../shared/contract/formats';

export interface EncodingSniff {
  encoding: FileEncoding;
  bomLength: number;
  /** Set when the bytes are not text at all: the caller refuses the file with this reason. */
  binaryReason: string | null;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decides a file's encoding from its first bytes. A BOM wins; without one, valid UTF-8 is UTF-8
 * and anything else is Windows-1252 (what Excel on Windows writes), which can decode any byte.
 * NUL bytes outside UTF-16 mean a binary file renamed `.csv`.
 */
export function sniffEncoding(head: Buffer, isWholeFile: boolean): EncodingSniff {
  if (UTF8_BOM.every((byte, i) => head[i] === byte)) return { encoding: 'utf-8-bom', bomLength: 3, binaryReason: null };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, binaryReason: null };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, binaryReason: null };
  const utf16 = sniffUtf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bomLength: 0, binaryReason: null };
  const binaryReason = binaryContentReason(head);
  if (binaryReason) return { encoding: 'utf-8', bomLength: 0, binaryReason };
  return { encoding: isValidUtf8(head, isWholeFile) ? 'utf-8' : 'windows-1252', bomLength: 0, binaryReason: null };
}

/** UTF-16 text without a BOM has a NUL in every other byte for ASCII; we accept it when that pattern is overwhelming. */
function sniffUtf16WithoutBom(head: Buffer): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.min(head.length >> 1, 4096);
  if (pairs < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (head[2 * i] === 0) evenZeros += 1;
    if (head[2 * i + 1] === 0) oddZeros += 1;
  }
  if (oddZeros > pairs * 0.9 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.9 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function binaryContentReason(head: Buffer): string | null {
  const sample = head.subarray(0, 65536);
  if (sample.length === 0) return null;
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return 'it contains NUL bytes, so it is a binary file, not CSV text';
    // Tab, LF, CR and form feed occur in text; other C0 controls almost never do.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls += 1;
  }
  return controls > sample.length * 0.01 ? 'it contains control bytes, so it is a binary file, not CSV text' : null;
}

/** Valid UTF-8 check; a multi-byte sequence cut off at the end of a partial read is not an error. */
function isValidUtf8(bytes: Buffer, isWholeFile: boolean): boolean {
  let end = bytes.length;
  if (!isWholeFile) {
    // Step back over a trailing incomplete sequence (at most 3 continuation bytes + lead).
    let back = end - 1;
    while (back >= 0 && back > end - 4 && (bytes[back]! & 0xc0) === 0x80) back -= 1;
    if (back >= 0 && bytes[back]! >= 0xc0) end = back;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

export interface DecodedText {
  chunks: AsyncIterable<string>;
  /** Bytes of the file consumed so far. */
  bytesRead(): number;
}

/** Streams a file as text in the given encoding, skipping the BOM; never holds the whole file. */
export function decodeFile(path: string, encoding: FileEncoding): DecodedText {
  let bytes = 0;
  const iconvName = encoding === 'utf-8-bom' ? 'utf-8' : encoding;
  async function* chunks(): AsyncGenerator<string> {
    const decoder = iconv.getDecoder(iconvName, { stripBOM: true });
    for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
      const buffer = chunk as Buffer;
      bytes += buffer.length;
      const text = decoder.write(buffer);
      if (text) yield text;
    }
    const tail = decoder.end();
    if (tail) yield tail;
  }
  return { chunks: chunks(), bytesRead: () => bytes };
}

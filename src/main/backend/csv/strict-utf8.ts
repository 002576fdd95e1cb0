import { Buffer, isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';

/**
 * Bytes → text, refusing anything that is not UTF-8 (throws TypeError, like TextDecoder with
 * fatal). Most exports are pure ASCII: such a chunk is copied as Latin-1, which yields the same
 * text about three times faster than a UTF-8 decode; the decoder only sees chunks with other
 * bytes, and the chunk after one (which may finish a character it left open).
 */
export function strictUtf8Decoder(): (bytes: Uint8Array, isStreaming: boolean) => string {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let mayHavePending = false;
  return (bytes, isStreaming) => {
    const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (!mayHavePending && isAscii(buffer)) return buffer.toString('latin1');
    // A chunk ending in an ASCII byte ends on a whole character: the decoder holds nothing back.
    mayHavePending = isStreaming && buffer.length > 0 && (buffer[buffer.length - 1] as number) >= 0x80;
    return decoder.decode(buffer, { stream: isStreaming });
  };
}

/**
 * agg_day_sets cells hold fixed-width tuples of numbers packed as little-endian Float64 (exact
 * for integer keys and cents up to 2^53, so no overflow on large B2B orders).
 */
export const DAY_SET_WIDTH = { customer: 3, order: 4, return: 4, first: 1, line: 5, product: 4 } as const;
export type DaySetKind = keyof typeof DAY_SET_WIDTH;

export function encodeTuples(values: readonly number[]): Buffer {
  const array = Float64Array.from(values);
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}

/** A view on the blob (copied with one memcpy when SQLite's buffer is not 8-byte aligned). */
export function decodeTuples(blob: Uint8Array): Float64Array {
  if (blob.byteOffset % 8 === 0) return new Float64Array(blob.buffer, blob.byteOffset, blob.byteLength / 8);
  return new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}

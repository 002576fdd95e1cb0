/**
 * A 53-bit content hash of a row's fields (cyrb53): cheap enough to compute for every row of a
 * million-line file, and stored as an exact SQLite INTEGER. Two different rows of one file collide
 * with odds near 1M²/2⁵⁴ ≈ 6·10⁻⁵; across batches a duplicate must also share its natural key.
 */
export function rowHash(fields: readonly string[]): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let f = 0; f < fields.length; f += 1) {
    const text = fields[f] as string;
    for (let i = 0; i < text.length; i += 1) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    // A separator, so ["ab","c"] and ["a","bc"] differ.
    h1 = Math.imul(h1 ^ 31, 2654435761);
    h2 = Math.imul(h2 ^ 31, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

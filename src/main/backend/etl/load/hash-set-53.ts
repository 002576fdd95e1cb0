/**
 * A set of 53-bit row hashes in two typed arrays (open addressing, linear probing). A JS Set of
 * such numbers boxes each one as a heap number and hashes it slowly; at a million rows per file
 * that was one of the largest costs of staging, and these arrays are also far smaller.
 */
export class HashSet53 {
  private low: Uint32Array;
  /** High 21 bits + 1, so 0 marks an empty slot. */
  private high: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 12) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.low = new Uint32Array(capacity);
    this.high = new Uint32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  has(hash: number): boolean {
    const low = hash >>> 0;
    const high = Math.floor(hash / 4294967296) + 1;
    for (let slot = Math.imul(low ^ high, 0x9e3779b1) & this.mask; ; slot = (slot + 1) & this.mask) {
      const h = this.high[slot] as number;
      if (h === 0) return false;
      if (h === high && this.low[slot] === low) return true;
    }
  }

  /** Adds the hash; false when it was already present. */
  add(hash: number): boolean {
    const low = hash >>> 0;
    const high = Math.floor(hash / 4294967296) + 1;
    let slot = Math.imul(low ^ high, 0x9e3779b1) & this.mask;
    for (;;) {
      const h = this.high[slot] as number;
      if (h === 0) break;
      if (h === high && this.low[slot] === low) return false;
      slot = (slot + 1) & this.mask;
    }
    this.high[slot] = high;
    this.low[slot] = low;
    this.count += 1;
    if (this.count * 2 > this.mask) this.grow();
    return true;
  }

  private grow(): void {
    const { low, high } = this;
    this.low = new Uint32Array(low.length * 2);
    this.high = new Uint32Array(high.length * 2);
    this.mask = this.low.length - 1;
    this.count = 0;
    for (let i = 0; i < low.length; i += 1) {
      const h = high[i] as number;
      if (h !== 0) this.add((h - 1) * 4294967296 + (low[i] as number));
    }
  }
}

/**
 * A set of 53-bit row hashes in one typed array (open addressing, linear probing). A JS Set of
 * such numbers boxes each one as a heap number and hashes it slowly; at a million rows per file
 * that was one of the largest costs of staging, and this array is also far smaller. A slot is two
 * neighbouring words (low 32 bits, then high 21 bits + 1), so a probe costs one cache miss, not two.
 */
export class HashSet53 {
  private slots: Uint32Array;
  /** Slot count − 1 (a power of two minus one). */
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1 << 12) {
    let capacity = 16;
    while (capacity < initialCapacity) capacity *= 2;
    this.slots = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  has(hash: number): boolean {
    const low = hash >>> 0;
    const high = Math.floor(hash / 4294967296) + 1;
    const { slots, mask } = this;
    for (let slot = Math.imul(low ^ high, 0x9e3779b1) & mask; ; slot = (slot + 1) & mask) {
      const h = slots[slot * 2 + 1] as number;
      if (h === 0) return false;
      if (h === high && slots[slot * 2] === low) return true;
    }
  }

  /** Adds the hash; false when it was already present. */
  add(hash: number): boolean {
    const low = hash >>> 0;
    const high = Math.floor(hash / 4294967296) + 1;
    const { slots, mask } = this;
    let slot = Math.imul(low ^ high, 0x9e3779b1) & mask;
    for (;;) {
      const h = slots[slot * 2 + 1] as number;
      if (h === 0) break;
      if (h === high && slots[slot * 2] === low) return false;
      slot = (slot + 1) & mask;
    }
    slots[slot * 2] = low;
    slots[slot * 2 + 1] = high;
    this.count += 1;
    if (this.count * 2 > this.mask) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = old.length - 1;
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) {
      const h = old[i + 1] as number;
      if (h !== 0) this.add((h - 1) * 4294967296 + (old[i] as number));
    }
  }
}

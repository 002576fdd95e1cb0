/**
 * Keeps the k best (score, id) pairs seen, in a binary min-heap on typed arrays: O(n log k)
 * instead of sorting every candidate, which matters when each of 5,000 items has thousands of
 * co-purchased candidates. Ties are broken by the smaller id, as a full sort would.
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly ids: Int32Array;
  private readonly extras: Int32Array;
  size = 0;

  constructor(private readonly k: number) {
    this.scores = new Float64Array(k);
    this.ids = new Int32Array(k);
    this.extras = new Int32Array(k);
  }

  clear(): void {
    this.size = 0;
  }

  /** True when (a, ia) ranks below (b, ib): lower score, or equal score and larger id. */
  private isWorse(a: number, ia: number, b: number, ib: number): boolean {
    return a < b || (a === b && ia > ib);
  }

  offer(score: number, id: number, extra: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      let at = this.size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!this.isWorse(score, id, this.scores[parent]!, this.ids[parent]!)) break;
        this.move(parent, at);
        at = parent;
      }
      this.put(at, score, id, extra);
      return;
    }
    if (!this.isWorse(this.scores[0]!, this.ids[0]!, score, id)) return;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && this.isWorse(this.scores[right]!, this.ids[right]!, this.scores[left]!, this.ids[left]!) ? right : left;
      if (!this.isWorse(this.scores[child]!, this.ids[child]!, score, id)) break;
      this.move(child, at);
      at = child;
    }
    this.put(at, score, id, extra);
  }

  /** The lowest kept score once k entries are kept; −∞ before. */
  threshold(): number {
    return this.size < this.k ? Number.NEGATIVE_INFINITY : this.scores[0]!;
  }

  /** The kept entries, best first. */
  sorted(): { id: number; score: number; extra: number }[] {
    const out = Array.from({ length: this.size }, (_, i) => ({ id: this.ids[i]!, score: this.scores[i]!, extra: this.extras[i]! }));
    return out.sort((x, y) => y.score - x.score || x.id - y.id);
  }

  private move(from: number, to: number): void {
    this.scores[to] = this.scores[from]!;
    this.ids[to] = this.ids[from]!;
    this.extras[to] = this.extras[from]!;
  }

  private put(at: number, score: number, id: number, extra: number): void {
    this.scores[at] = score;
    this.ids[at] = id;
    this.extras[at] = extra;
  }
}

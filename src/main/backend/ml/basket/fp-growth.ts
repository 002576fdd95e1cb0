import { AppError } from '../../../../shared/result';
import { minCountFor, transactionCount, type Transactions } from './transactions';

/**
 * FP-growth (Han, Pei & Yin 2000): frequent itemsets without candidate generation. Items are
 * ranked once by global frequency and every (conditional) tree keeps that order, which is
 * valid for FP-growth and spares re-sorting paths.
 */
export interface FrequentItemset {
  /** Item ids, ascending. */
  items: number[];
  count: number;
}

export interface FpGrowthOptions {
  /** An itemset is frequent when count / transactions ≥ minSupport (arules). */
  minSupport: number;
  /** Largest itemset size (arules' maxlen). */
  maxLength: number;
  /** Called once per conditional tree mined: lets a job report progress and cancel. */
  onStep?: (done: number, total: number) => void;
  /** Stops with an error instead of exhausting memory when the thresholds are far too low. */
  maxItemsets?: number;
}

class FpTree {
  item: Int32Array;
  count: Float64Array;
  parent: Int32Array;
  link: Int32Array;
  size = 1; // node 0 is the root
  readonly head: Int32Array;
  readonly rankCount: Float64Array;
  private readonly children = new Map<number, number>();

  constructor(private readonly rankTotal: number, capacity = 1024) {
    this.item = new Int32Array(capacity).fill(-1);
    this.count = new Float64Array(capacity);
    this.parent = new Int32Array(capacity).fill(-1);
    this.link = new Int32Array(capacity).fill(-1);
    this.head = new Int32Array(rankTotal).fill(-1);
    this.rankCount = new Float64Array(rankTotal);
  }

  /** Inserts a path of ranks sorted ascending (most frequent first) with a weight. */
  insert(path: ArrayLike<number>, length: number, weight: number): void {
    let node = 0;
    for (let i = 0; i < length; i += 1) {
      const rank = path[i]!;
      const key = node * this.rankTotal + rank;
      let child = this.children.get(key);
      if (child === undefined) {
        child = this.addNode(rank, node);
        this.children.set(key, child);
      }
      this.count[child] = this.count[child]! + weight;
      this.rankCount[rank] = this.rankCount[rank]! + weight;
      node = child;
    }
  }

  private addNode(rank: number, parent: number): number {
    if (this.size === this.item.length) this.grow();
    const node = this.size;
    this.size += 1;
    this.item[node] = rank;
    this.parent[node] = parent;
    this.link[node] = this.head[rank]!;
    this.head[rank] = node;
    return node;
  }

  private grow(): void {
    const capacity = this.item.length * 2;
    const item = new Int32Array(capacity).fill(-1);
    item.set(this.item);
    const count = new Float64Array(capacity);
    count.set(this.count);
    const parent = new Int32Array(capacity).fill(-1);
    parent.set(this.parent);
    const link = new Int32Array(capacity).fill(-1);
    link.set(this.link);
    this.item = item;
    this.count = count;
    this.parent = parent;
    this.link = link;
  }
}

export function fpGrowth(tx: Transactions, options: FpGrowthOptions): FrequentItemset[] {
  const n = transactionCount(tx);
  const minCount = minCountFor(options.minSupport, n);
  const maxItemsets = options.maxItemsets ?? 2_000_000;

  const itemFrequency = new Float64Array(tx.itemCount);
  for (let k = 0; k < tx.items.length; k += 1) itemFrequency[tx.items[k]!] = itemFrequency[tx.items[k]!]! + 1;
  const frequentItems: number[] = [];
  for (let item = 0; item < tx.itemCount; item += 1) if (itemFrequency[item]! >= minCount) frequentItems.push(item);
  // Rank 0 = most frequent; ties broken by item id so the output is deterministic.
  frequentItems.sort((a, b) => itemFrequency[b]! - itemFrequency[a]! || a - b);
  const rankOf = new Int32Array(tx.itemCount).fill(-1);
  frequentItems.forEach((item, rank) => (rankOf[item] = rank));
  const rankTotal = frequentItems.length;

  const tree = new FpTree(Math.max(1, rankTotal), 4096);
  const path = new Int32Array(Math.max(1, tx.itemCount));
  for (let i = 0; i < n; i += 1) {
    let length = 0;
    for (let k = tx.offsets[i]!; k < tx.offsets[i + 1]!; k += 1) {
      const rank = rankOf[tx.items[k]!]!;
      if (rank >= 0) path[length++] = rank;
    }
    if (length === 0) continue;
    path.subarray(0, length).sort();
    tree.insert(path, length, 1);
  }

  const out: FrequentItemset[] = [];
  const mine = (current: FpTree, suffix: number[]): void => {
    const pathBuffer = new Int32Array(rankTotal);
    for (let rank = rankTotal - 1; rank >= 0; rank -= 1) {
      const support = current.rankCount[rank]!;
      if (support < minCount || current.head[rank] === -1) continue;
      const itemset = [...suffix, rank];
      out.push({ items: itemset.map((r) => frequentItems[r]!).sort((a, b) => a - b), count: support });
      if (out.length > maxItemsets) {
        throw new AppError('VALIDATION', `More than ${maxItemsets.toLocaleString('en-US')} frequent itemsets: raise the minimum support or lower the maximum length.`, { minSupport: options.minSupport, maxLength: options.maxLength });
      }
      if (itemset.length >= options.maxLength) continue;

      // Conditional pattern base: the prefix path of every node of this rank, with its count.
      const conditionalCount = new Float64Array(rank);
      for (let node = current.head[rank]!; node !== -1; node = current.link[node]!) {
        const weight = current.count[node]!;
        for (let up = current.parent[node]!; up > 0; up = current.parent[up]!) {
          conditionalCount[current.item[up]!] = conditionalCount[current.item[up]!]! + weight;
        }
      }
      let hasFrequent = false;
      for (let r = 0; r < rank; r += 1) if (conditionalCount[r]! >= minCount) hasFrequent = true;
      if (!hasFrequent) continue;

      const conditional = new FpTree(rankTotal);
      for (let node = current.head[rank]!; node !== -1; node = current.link[node]!) {
        let length = 0;
        for (let up = current.parent[node]!; up > 0; up = current.parent[up]!) {
          const r = current.item[up]!;
          if (conditionalCount[r]! >= minCount) pathBuffer[length++] = r;
        }
        if (length === 0) continue;
        // Walking up gives descending ranks; insert needs ascending.
        pathBuffer.subarray(0, length).reverse();
        conditional.insert(pathBuffer, length, current.count[node]!);
      }
      mine(conditional, itemset);
      if (suffix.length === 0) options.onStep?.(rankTotal - rank, rankTotal);
    }
  };
  mine(tree, []);
  return out;
}

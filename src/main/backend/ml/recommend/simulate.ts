import { createRng, poisson } from '../core/rng';

export interface SimulatedPurchases {
  /** One entry per purchase line: customer, item, day. */
  users: Int32Array;
  items: Int32Array;
  days: Int32Array;
  userCount: number;
  itemCount: number;
  /** Planted taste group of each item (items of a group are bought by the same customers). */
  itemGroup: Int32Array;
}

/**
 * Customers with a planted taste: items fall into groups, each customer favours one group and
 * buys mostly from it (Zipf-like popularity within the group), with some purchases of globally
 * popular items. A good item-item model must find the groups; popularity cannot.
 */
export function simulatePurchases(options: { users: number; items: number; groups: number; meanLines: number; days: number; seed: number }): SimulatedPurchases {
  const rng = createRng(options.seed);
  const itemGroup = new Int32Array(options.items).map((_, i) => i % options.groups);
  const groupItems: number[][] = Array.from({ length: options.groups }, () => []);
  itemGroup.forEach((g, i) => groupItems[g]!.push(i));
  // Zipf(1) cumulative weights inside each group and over the whole catalogue.
  const zipfPick = (size: number): number => {
    let total = 0;
    for (let r = 1; r <= size; r += 1) total += 1 / r;
    let u = rng.next() * total;
    for (let r = 1; r <= size; r += 1) {
      u -= 1 / r;
      if (u <= 0) return r - 1;
    }
    return size - 1;
  };
  const users: number[] = [];
  const items: number[] = [];
  const days: number[] = [];
  for (let u = 0; u < options.users; u += 1) {
    const group = groupItems[Math.floor(rng.next() * options.groups)]!;
    const lines = 1 + poisson(rng, options.meanLines - 1);
    for (let l = 0; l < lines; l += 1) {
      const item = rng.next() < 0.8 ? group[zipfPick(Math.min(group.length, 60))]! : zipfPick(options.items);
      users.push(u);
      items.push(item);
      days.push(Math.floor(rng.next() * options.days));
    }
  }
  return {
    users: Int32Array.from(users),
    items: Int32Array.from(items),
    days: Int32Array.from(days),
    userCount: options.users,
    itemCount: options.items,
    itemGroup,
  };
}

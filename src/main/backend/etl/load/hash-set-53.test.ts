import { describe, expect, it } from 'vitest';
import { HashSet53 } from './hash-set-53';

describe('HashSet53', () => {
  it('agrees with a plain Set on 53-bit values, through several growths, including 0 and the largest hash', () => {
    const ours = new HashSet53(16);
    const reference = new Set<number>();
    let state = 12345;
    const next = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      // Few distinct high parts, so values often share their low or high half.
      return (state % 64) * 4294967296 * 1024 + (Math.imul(state, 2654435761) >>> 0) % 5000;
    };
    const values = [0, 2 ** 53 - 1, 4294967296, 4294967295, ...Array.from({ length: 20_000 }, next)];
    for (const value of values) {
      expect(ours.has(value)).toBe(reference.has(value));
      expect(ours.add(value)).toBe(!reference.has(value));
      reference.add(value);
    }
    expect(ours.size).toBe(reference.size);
    for (const value of reference) expect(ours.add(value)).toBe(false);
  });
});

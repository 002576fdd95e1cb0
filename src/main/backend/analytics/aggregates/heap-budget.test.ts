import { describe, expect, it } from 'vitest';
import { keepHeapWithin } from './heap-budget';

describe('keepHeapWithin', () => {
  it('leaves a heap under its budget alone', () => {
    expect(keepHeapWithin(1_000_000)).toBe(false);
  });

  it('collects the garbage of a heap past its budget', () => {
    let garbage: number[][] | null = Array.from({ length: 400 }, () => Array.from({ length: 20_000 }, (_, i) => i + 0.5));
    expect(garbage.length).toBe(400);
    garbage = null;
    const before = process.memoryUsage().heapUsed;
    expect(keepHeapWithin(1)).toBe(true);
    // 400 × 20k doubles is ~64 MB; most of it must be gone.
    expect(before - process.memoryUsage().heapUsed).toBeGreaterThan(32 * 1024 * 1024);
  });
});

import { describe, expect, it } from 'vitest';
import { isCacheableMethod, ResultCache } from './result-cache';

describe('ResultCache', () => {
  it('returns what was stored under a key, including falsy answers', () => {
    const cache = new ResultCache();
    cache.set('a', { total: 3 }, cache.generation);
    cache.set('zero', 0, cache.generation);
    expect(cache.get('a')).toEqual({ value: { total: 3 } });
    expect(cache.get('zero')).toEqual({ value: 0 });
    expect(cache.get('missing')).toBeUndefined();
  });

  it('drops everything on invalidate and refuses answers requested before it', () => {
    const cache = new ResultCache();
    cache.set('a', 1, cache.generation);
    const before = cache.generation;
    cache.invalidate();
    expect(cache.get('a')).toBeUndefined();
    cache.set('late', 'old data', before);
    expect(cache.get('late')).toBeUndefined();
    cache.set('fresh', 'new data', cache.generation);
    expect(cache.get('fresh')).toEqual({ value: 'new data' });
  });

  it('evicts the least recently used entry beyond its size', () => {
    const cache = new ResultCache(2);
    cache.set('a', 1, 0);
    cache.set('b', 2, 0);
    cache.get('a');
    cache.set('c', 3, 0);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual({ value: 1 });
    expect(cache.get('c')).toEqual({ value: 3 });
  });

  it('caches engine reads only, never imports or settings', () => {
    expect(isCacheableMethod('analytics.overview')).toBe(true);
    expect(isCacheableMethod('models.forecast')).toBe(true);
    expect(isCacheableMethod('imports.listRuns')).toBe(false);
    expect(isCacheableMethod('settings.get')).toBe(false);
  });

  it('shares a request on its way, stores its answer, and forgets it on failure', async () => {
    const cache = new ResultCache();
    let answer: (value: number) => void = () => undefined;
    const asked = cache.track('k', new Promise<number>((resolve) => (answer = resolve)));
    expect(cache.pending('k')).toBe(asked);
    expect(cache.has('k')).toBe(false);
    answer(42);
    await asked;
    expect(cache.pending('k')).toBeUndefined();
    expect(cache.get('k')).toEqual({ value: 42 });

    const failed = cache.track('bad', Promise.reject(new Error('no')));
    await expect(failed).rejects.toThrow('no');
    expect(cache.pending('bad')).toBeUndefined();
    expect(cache.has('bad')).toBe(false);
  });

  it('after a data change, neither shares nor stores a request sent for the old data', async () => {
    const cache = new ResultCache();
    let answer: (value: string) => void = () => undefined;
    const old = cache.track('k', new Promise<string>((resolve) => (answer = resolve)));
    cache.invalidate();
    expect(cache.pending('k')).toBeUndefined();
    answer('stale');
    await old;
    expect(cache.has('k')).toBe(false);
  });
});

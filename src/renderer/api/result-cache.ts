/**
 * Engine answers kept for the window's current data: going back to a page with the same
 * filters draws it from memory instead of queueing its queries behind the engine again.
 *
 * The data only changes through jobs, and every job that changes tables announces it with
 * data.changed; the provider then calls `invalidate()`. An answer whose request started before
 * an invalidation is not stored, so a slow reply can never bring old data back.
 */
export class ResultCache {
  private readonly entries = new Map<string, unknown>();
  private generationCounter = 0;

  constructor(private readonly maxEntries = 120) {}

  /** The generation to pass back to `set` for an answer requested now. */
  get generation(): number {
    return this.generationCounter;
  }

  get(key: string): { value: unknown } | undefined {
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key);
    // Map order is insertion order: re-inserting marks the entry as recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return { value };
  }

  set(key: string, value: unknown, requestedInGeneration: number): void {
    if (requestedInGeneration !== this.generationCounter) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  invalidate(): void {
    this.entries.clear();
    this.generationCounter += 1;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Engine reads whose answers depend only on their arguments and the warehouse's data. */
export function isCacheableMethod(method: string): boolean {
  return method.startsWith('analytics.') || method.startsWith('models.');
}

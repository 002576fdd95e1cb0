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
  /** Requests on their way (a prefetch, or a page's first ask), so a second asker waits for the same answer. */
  private readonly inFlight = new Map<string, { promise: Promise<unknown>; generation: number }>();
  private generationCounter = 0;

  constructor(private readonly maxEntries = 120) {}

  /** The generation to pass back to `set` for an answer requested now. */
  get generation(): number {
    return this.generationCounter;
  }

  has(key: string): boolean {
    return this.entries.has(key);
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
    this.inFlight.clear();
    this.generationCounter += 1;
  }

  /** Remembers a request for the current data until it settles; its answer is stored if it succeeds. */
  track<T>(key: string, promise: Promise<T>): Promise<T> {
    const generation = this.generationCounter;
    this.inFlight.set(key, { promise, generation });
    const settle = () => {
      if (this.inFlight.get(key)?.promise === promise) this.inFlight.delete(key);
    };
    promise.then((value) => {
      settle();
      this.set(key, value, generation);
    }, settle);
    return promise;
  }

  /** The request for this key already on its way for the current data, if any. */
  pending(key: string): Promise<unknown> | undefined {
    const entry = this.inFlight.get(key);
    return entry && entry.generation === this.generationCounter ? entry.promise : undefined;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Engine reads whose answers depend only on their arguments and the warehouse's data. */
export function isCacheableMethod(method: string): boolean {
  return method.startsWith('analytics.') || method.startsWith('models.');
}

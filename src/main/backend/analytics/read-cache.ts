import type { Db } from '../db/open';

/**
 * Memoises derived lookups (customer id order, regions, lifetime CLV, ratings) per connection
 * until the data changes. PRAGMA data_version moves when ANOTHER connection commits (the import
 * worker); total_changes() when this one writes (tests seed through the reading connection).
 * Both are cheap, so every view call re-checks them.
 */
interface Entry {
  version: string;
  value: unknown;
}

const caches = new WeakMap<Db, Map<string, Entry>>();

function dataVersion(db: Db): string {
  const row = db.prepare<[], [number, number]>('SELECT data_version, total_changes() FROM pragma_data_version').raw().get();
  return `${row?.[0]}:${row?.[1]}`;
}

export function cachedUntilDataChanges<T>(db: Db, key: string, compute: () => T): T {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const version = dataVersion(db);
  const entry = cache.get(key);
  if (entry && entry.version === version) return entry.value as T;
  const value = compute();
  cache.set(key, { version, value });
  return value;
}

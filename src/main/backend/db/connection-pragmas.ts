import type { Db } from './open';

/**
 * Runs `body` (sync or async) with `settings` applied to the connection, then puts back the values
 * they had, whether it succeeds, throws or rejects: bulk jobs tune the connection they share with
 * the app's reads. Keys are pragma names, schema-qualified where needed ('temp.cache_size').
 */
export function withPragmas<T>(db: Db, settings: Readonly<Record<string, string | number>>, body: () => T): T {
  const previous = Object.keys(settings).map((name) => [name, db.pragma(name, { simple: true }) as string | number] as const);
  const restore = (): void => {
    for (const [name, value] of previous) db.pragma(`${name} = ${value}`);
  };
  for (const [name, value] of Object.entries(settings)) db.pragma(`${name} = ${value}`);
  let result: T;
  try {
    result = body();
  } catch (error) {
    restore();
    throw error;
  }
  if (result instanceof Promise) return result.finally(restore) as T;
  restore();
  return result;
}

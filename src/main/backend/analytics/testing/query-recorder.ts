import type { Db } from '../../db/open';

export interface RecordedQuery {
  sql: string;
  params: unknown[];
}

/**
 * A view of the same connection that records every statement a view runs with its
 * parameters, so a test can ask SQLite for each one's EXPLAIN QUERY PLAN.
 */
export function recordingDb(db: Db): { db: Db; queries: RecordedQuery[] } {
  const queries: RecordedQuery[] = [];
  const proxy = new Proxy(db, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver) as unknown;
      return (sql: string) => {
        const statement = target.prepare(sql);
        return new Proxy(statement, {
          get(st, name, rcv) {
            const value = Reflect.get(st, name, rcv) as unknown;
            if ((name === 'all' || name === 'get' || name === 'iterate') && typeof value === 'function') {
              return (...params: unknown[]) => {
                queries.push({ sql, params });
                return (value as (...args: unknown[]) => unknown).apply(st, params);
              };
            }
            return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(st) : value;
          },
        });
      };
    },
  });
  return { db: proxy, queries };
}

export function queryPlan(db: Db, query: RecordedQuery): string[] {
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${query.sql}`)
    .all(...query.params)
    .map((row) => row.detail);
}

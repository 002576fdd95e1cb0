import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FiltersSchema, type ParsedFilters } from '../../../../shared/contract/analytics';
import { openWarehouse, type Db } from '../../db/open';
import { rebuildAllAnalyticsAggregates } from '../aggregates/refresh';
import { seedWarehouse, type FixtureSpec } from './fixture';

export interface SeededWarehouse {
  db: Db;
  dispose(): void;
}

/** A real SQLite warehouse file (all migrations) holding exactly the fixture rows, aggregates built. */
export function seededWarehouse(spec: FixtureSpec): SeededWarehouse {
  const dir = mkdtempSync(path.join(tmpdir(), 'storelens-analytics-'));
  const db = openWarehouse(path.join(dir, 'warehouse.sqlite'));
  seedWarehouse(db, spec);
  rebuildAllAnalyticsAggregates(db);
  return {
    db,
    dispose() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function filters(input: Partial<ParsedFilters> = {}): ParsedFilters {
  return FiltersSchema.parse(input);
}

import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { customerAttributes } from './customer-base';
import { cachedUntilDataChanges } from './read-cache';
import { sampleStore } from './testing/sample-store';
import { seededWarehouse } from './testing/seeded-warehouse';

const warehouse = seededWarehouse(sampleStore());
afterAll(() => warehouse.dispose());
const { db } = warehouse;

describe('cachedUntilDataChanges', () => {
  it('recomputes after ANOTHER connection commits (the import worker) and after this one writes', () => {
    let computed = 0;
    const regionOfFirst = (): string | null => cachedUntilDataChanges(db, 'test-region', () => {
      computed += 1;
      return db.prepare<[], string | null>('SELECT region FROM dim_customer WHERE customer_key = 1').pluck().get() ?? null;
    });
    const before = regionOfFirst();
    expect(regionOfFirst()).toBe(before);
    expect(computed).toBe(1);
    const writer = new Database(db.name);
    writer.prepare("UPDATE dim_customer SET region = 'Elsewhere' WHERE customer_key = 1").run();
    writer.close();
    expect(regionOfFirst()).toBe('Elsewhere');
    db.prepare('UPDATE dim_customer SET region = ? WHERE customer_key = 1').run(before);
    expect(regionOfFirst()).toBe(before);
    expect(computed).toBe(3);
  });

  it('customer attributes follow a region change committed elsewhere', () => {
    const writer = new Database(db.name);
    writer.prepare("UPDATE dim_customer SET region = 'Moved' WHERE customer_key = 2").run();
    writer.close();
    expect(customerAttributes(db).region[2]).toBe('Moved');
  });
});

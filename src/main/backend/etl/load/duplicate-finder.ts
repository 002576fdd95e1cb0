import type Database from 'better-sqlite3';
import type { NativeEntity } from '../../../../shared/data-contract/native-format';
import type { Db } from '../../db/open';
import type { SqlValue } from '../validate/validators';
import { HashSet53 } from './hash-set-53';

/** The natural-key columns that lead each staging index; a duplicate must match them and the content hash. */
const KEY_COLUMNS: { readonly [E in NativeEntity]: readonly string[] } = {
  customers: ['customer_id'],
  products: ['sku'],
  orders: ['order_id'],
  order_items: ['order_id', 'line_no'],
  returns: ['order_id', 'line_no'],
  inventory_movements: ['sku', 'moved_at'],
  reviews: ['review_id'],
};

/** Beyond this the set grows as it fills: a misjudged estimate must not reserve a huge table. */
const MAX_PRESIZED_ROWS = 1 << 21;

/**
 * Recognises a row already staged with identical content: earlier in this file (a hash set) or
 * in an earlier batch (an index lookup by natural key and hash, only when the entity has history,
 * so a first import pays nothing for it).
 */
export class DuplicateFinder {
  private readonly seen: HashSet53;
  private readonly lookup: Database.Statement<unknown[]> | null;
  private readonly keyWidth: number;

  /** `expectedRows`: sizes the hash set up front, since growing it rehashes every row seen so far. */
  constructor(db: Db, entity: NativeEntity, expectedRows = 0) {
    this.seen = new HashSet53(Math.min(expectedRows, MAX_PRESIZED_ROWS) * 2);
    const keys = KEY_COLUMNS[entity];
    this.keyWidth = keys.length;
    const hasHistory = db.prepare(`SELECT EXISTS (SELECT 1 FROM stg_${entity}) AS x`).pluck().get() === 1;
    this.lookup = hasHistory
      ? db.prepare(`SELECT 1 FROM stg_${entity} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')} AND row_hash = ? LIMIT 1`).pluck()
      : null;
  }

  /** True when the row (starting at `at` in `values`) is a duplicate; otherwise records it as seen. */
  isDuplicate(hash: number, values: readonly SqlValue[], at = 0): boolean {
    // One probe: add() says whether it was there. A row that turns out to duplicate an earlier
    // batch is recorded too, which changes nothing: its later copies are duplicates either way.
    if (!this.seen.add(hash)) return true;
    if (this.lookup === null) return false;
    const params = values.slice(at, at + this.keyWidth);
    params.push(hash);
    return this.lookup.get(params) !== undefined;
  }
}

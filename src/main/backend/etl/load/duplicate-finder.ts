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

/**
 * Recognises a row already staged with identical content: earlier in this file (the reader's
 * repeat flags for a one-entity file, else a hash set here) or in an earlier batch (an index
 * lookup by natural key and hash, only when the entity has history, so a first import pays
 * nothing for it).
 */
export class DuplicateFinder {
  /** Only for rows that come without the reader's repeat flag (a file of several entities). */
  private seen: HashSet53 | null = null;
  private readonly lookup: Database.Statement<unknown[]> | null;
  private readonly keyWidth: number;

  constructor(db: Db, entity: NativeEntity) {
    const keys = KEY_COLUMNS[entity];
    this.keyWidth = keys.length;
    const hasHistory = db.prepare(`SELECT EXISTS (SELECT 1 FROM stg_${entity}) AS x`).pluck().get() === 1;
    this.lookup = hasHistory
      ? db.prepare(`SELECT 1 FROM stg_${entity} WHERE ${keys.map((k) => `${k} = ?`).join(' AND ')} AND row_hash = ? LIMIT 1`).pluck()
      : null;
  }

  /**
   * True when the row (starting at `at` in `values`) is a duplicate; otherwise records it as seen.
   * `repeated`: the reader's verdict on earlier rows of the file, or null when it gave none.
   */
  isDuplicate(hash: number, values: readonly SqlValue[], at: number, repeated: boolean | null): boolean {
    if (repeated === true) return true;
    // One probe: add() says whether it was there. A row that turns out to duplicate an earlier
    // batch is recorded too, which changes nothing: its later copies are duplicates either way.
    if (repeated === null && !(this.seen ??= new HashSet53()).add(hash)) return true;
    if (this.lookup === null) return false;
    const params = values.slice(at, at + this.keyWidth);
    params.push(hash);
    return this.lookup.get(params) !== undefined;
  }
}

import type Database from 'better-sqlite3';
import type { NativeEntity } from '../../../../shared/data-contract/native-format';
import type { Db } from '../../db/open';
import type { RowProblem } from '../validate/validators';

type Statement = Database.Statement<unknown[]>;

/**
 * A copy of `key` that keeps nothing else alive. Keys arrive cut from a batch's text (or a
 * parsed chunk), and V8 cuts 13 characters or more as a view on the whole: remembering a million
 * such keys (UUID order ids, say) kept every batch of the file alive, a heap of ~100 MB per
 * million orders. Concatenated then cut again, the view is on a copy the key's own size.
 */
const detached = (key: string): string => (key.length < 13 ? key : (key + ' ').slice(0, -1));

/**
 * Known keys of one parent entity, in the order they were staged, and where the last one found
 * sits in that order. Exports list children in their parents' order (an order's lines together,
 * orders in the order file's order), so the next key is nearly always the last one or the one
 * after it: two string comparisons instead of hashing a freshly parsed string and probing a
 * million-entry table, which cost a cache miss per row and was the largest check of order lines.
 */
class KnownKeys {
  private readonly positions = new Map<string, number>();
  private readonly ordered: string[] = [];
  private cursor = -1;

  /** True when the key is known; it becomes the cursor, so its successor is checked first next time. */
  has(key: string): boolean {
    const { ordered } = this;
    const at = this.cursor;
    if (at >= 0 && key === ordered[at]) return true;
    if (key === ordered[at + 1]) {
      this.cursor = at + 1;
      return true;
    }
    const position = this.positions.get(key);
    if (position === undefined) return false;
    this.cursor = position;
    return true;
  }

  /** Adds the key (once) and returns its position in staging order. */
  add(key: string): number {
    let position = this.positions.get(key);
    if (position === undefined) {
      const kept = detached(key);
      position = this.ordered.length;
      this.positions.set(kept, position);
      this.ordered.push(kept);
    }
    return position;
  }

  /** Adds a key found in staging (not staged by this run) and makes it the cursor. */
  addFound(key: string): void {
    this.cursor = this.add(key);
  }

  clear(): void {
    this.positions.clear();
    this.ordered.length = 0;
    this.cursor = -1;
  }
}

/**
 * Foreign-key checks "in this run or the warehouse": keys staged so far are remembered in sets
 * (a run stages parents before children), and a miss is looked up in staging, which also sees
 * rows this run's open transaction has written. Hits are cached; misses are not, since a later
 * file of the run may bring the parent.
 */
export class ParentKeys {
  private readonly customers = new KnownKeys();
  private readonly products = new KnownKeys();
  private readonly orders = new KnownKeys();
  private readonly lookups: { customer: Statement; product: Statement; order: Statement; orderLine: Statement };

  constructor(db: Db) {
    this.lookups = {
      customer: db.prepare('SELECT 1 FROM stg_customers WHERE customer_id = ? LIMIT 1').pluck(),
      product: db.prepare('SELECT 1 FROM stg_products WHERE sku = ? LIMIT 1').pluck(),
      order: db.prepare('SELECT 1 FROM stg_orders WHERE order_id = ? LIMIT 1').pluck(),
      orderLine: db.prepare('SELECT 1 FROM stg_order_items WHERE order_id = ? AND line_no = ? LIMIT 1').pluck(),
    };
  }

  private has(known: KnownKeys, lookup: Statement, key: string): boolean {
    if (known.has(key)) return true;
    if (lookup.get(key) === undefined) return false;
    known.addFound(key);
    return true;
  }

  /** Empties the caches (they only ever save lookups), e.g. after staged rows were deleted again. */
  forgetCached(): void {
    for (const known of [this.customers, this.products, this.orders]) known.clear();
  }

  /** Remembers the keys a staged (or duplicate, hence already staged) row provides; the row starts at `at` in `values`. */
  remember(entity: NativeEntity, values: readonly (string | number | null)[], at = 0): void {
    if (entity === 'customers') this.customers.add(values[at] as string);
    else if (entity === 'products') this.products.add(values[at] as string);
    else if (entity === 'orders') this.orders.add(values[at] as string);
  }

  /** The first missing parent of a validated row (starting at `at` in `values`), as a problem a person can act on; null when all exist. */
  missingParent(entity: NativeEntity, values: readonly (string | number | null)[], at = 0): RowProblem | null {
    switch (entity) {
      case 'orders':
        return this.check(this.customers, this.lookups.customer, values[at + 1] as string, 'customer_id', 'customer', 'customers');
      case 'order_items':
        return (
          this.check(this.orders, this.lookups.order, values[at] as string, 'order_id', 'order', 'orders') ??
          this.check(this.products, this.lookups.product, values[at + 2] as string, 'sku', 'product', 'products')
        );
      case 'returns': {
        const orderId = values[at] as string;
        const lineNo = values[at + 1] as number;
        if (this.lookups.orderLine.get(orderId, lineNo) !== undefined) return null;
        return {
          column: 'line_no',
          code: 'unknown_parent',
          reason: `order ${orderId} has no line ${lineNo} in this import or the warehouse; import its order_items first, then retry the quarantine`,
        };
      }
      case 'inventory_movements':
        return this.check(this.products, this.lookups.product, values[at] as string, 'sku', 'product', 'products');
      case 'reviews':
        return (
          this.check(this.products, this.lookups.product, values[at + 1] as string, 'sku', 'product', 'products') ??
          this.check(this.customers, this.lookups.customer, values[at + 2] as string, 'customer_id', 'customer', 'customers')
        );
      default:
        return null;
    }
  }

  private check(known: KnownKeys, lookup: Statement, key: string, column: string, noun: string, file: string): RowProblem | null {
    if (this.has(known, lookup, key)) return null;
    return {
      column,
      code: 'unknown_parent',
      reason: `${noun} ${key} is not in this import or the warehouse; import its ${file} first, then retry the quarantine`,
    };
  }
}

import type { NativeEntity } from '../../../shared/data-contract/native-format';
import type { EntitySink } from './folder-writer';
import { orderIdOf } from './order-record';
import { type Rng } from './prng';

export const INVALID_KINDS = [
  'missing_required',
  'negative_quantity',
  'unknown_enum',
  'orphan_fk',
  'malformed_date',
  'malformed_number',
  'out_of_range',
] as const;
export type InvalidKind = (typeof INVALID_KINDS)[number];

/** Orphans pass the row schema (they are well-formed) and fail only the foreign-key check. */
export const FK_ONLY_KINDS: readonly InvalidKind[] = ['orphan_fk'];

/** What an invalid row may borrow from the valid row it follows (real keys, a valid timestamp). */
export interface NoiseContext {
  timestamp: string;
  sku: string;
  customerId: string;
  /** The last real order written (its O-… id is formatted only when a noise row needs it). */
  orderSeq: number;
}

type Builder = (ctx: NoiseContext, noiseId: string, rng: Rng) => string;

function badDate(ctx: NoiseContext, rng: Rng): string {
  const date = ctx.timestamp.slice(0, 10);
  const [y, m, d] = date.split('-');
  return rng.pick([`${d}/${m}/${y} 10:15`, `${date}T25:61:00Z`, `${date.replace(/-/g, '/')} 10:15:00`, 'yesterday']);
}

function badNumber(rng: Rng): string {
  // A decimal comma is quoted so the row keeps its columns: the VALUE is what is malformed.
  return rng.pick(['N/A', '"12,50"', '1.2.3', 'twelve']);
}

/** Per entity: the kinds of invalid row it can get, each building a full CSV record. */
const BUILDERS: Record<NativeEntity, Partial<Record<InvalidKind, Builder>>> = {
  customers: {
    missing_required: (c) => `,,Nameless Person,us-east,US,Boston,${c.timestamp.slice(0, 10)},consumer,organic,${c.timestamp}\n`,
    malformed_date: (c, id, rng) => `C-X${id},,Bad Date,uk,GB,London,,consumer,social,${badDate(c, rng)}\n`,
  },
  products: {
    missing_required: (c, id) => `SKU-X${id},,Apparel,,,5.00,9.99,3,${c.timestamp}\n`,
    malformed_number: (c, id, rng) => `SKU-X${id},Broken Price Item,Apparel,,,5.00,${badNumber(rng)},3,${c.timestamp}\n`,
  },
  orders: {
    missing_required: (c, id) => `O-X${id},,web,paid,${c.timestamp},${c.timestamp},,,,USD,10.00,0.00,0.80,0.00,10.80,${c.timestamp}\n`,
    unknown_enum: (c, id) => `O-X${id},${c.customerId},web,on_hold,${c.timestamp},,,,,USD,10.00,0.00,0.80,0.00,10.80,${c.timestamp}\n`,
    malformed_date: (c, id, rng) => `O-X${id},${c.customerId},web,created,${badDate(c, rng)},,,,,USD,10.00,0.00,0.80,0.00,10.80,${c.timestamp}\n`,
    malformed_number: (c, id, rng) => `O-X${id},${c.customerId},web,created,${c.timestamp},,,,,USD,${badNumber(rng)},0.00,0.80,0.00,10.80,${c.timestamp}\n`,
  },
  order_items: {
    negative_quantity: (c, id, rng) => `O-X${id},1,${c.sku},-${rng.between(1, 5)},9.99,0.00,0.80\n`,
    missing_required: (_c, id) => `O-X${id},1,,1,9.99,0.00,0.80\n`,
    malformed_number: (c, id, rng) => `O-X${id},1,${c.sku},1,${badNumber(rng)},0.00,0.80\n`,
    orphan_fk: (c, id) => `O-X${id},1,${c.sku},1,9.99,0.00,0.80\n`,
  },
  returns: {
    negative_quantity: (c, _id, rng) => `${orderIdOf(c.orderSeq)},1,-${rng.between(1, 3)},${c.timestamp},changed mind,\n`,
    malformed_date: (c, _id, rng) => `${orderIdOf(c.orderSeq)},1,1,${badDate(c, rng)},changed mind,\n`,
    orphan_fk: (c, id) => `O-X${id},1,1,${c.timestamp},changed mind,\n`,
  },
  inventory_movements: {
    unknown_enum: (c, _id, rng) => `${c.sku},${c.timestamp},${rng.pick(['transfer', 'shrinkage', 'SALE'])},-1\n`,
    malformed_number: (c, _id, rng) => `${c.sku},${c.timestamp},adjustment,${rng.pick(['2.5', 'ten', '--3'])}\n`,
    missing_required: (c) => `,${c.timestamp},adjustment,1\n`,
    malformed_date: (c, _id, rng) => `${c.sku},${badDate(c, rng)},adjustment,1\n`,
    orphan_fk: (c, id) => `SKU-X${id},${c.timestamp},adjustment,1\n`,
  },
  reviews: {
    out_of_range: (c, id, rng) => `R-X${id},${c.sku},${c.customerId},${rng.pick(['0', '6', '10'])},Off the scale,${c.timestamp}\n`,
    missing_required: (c, id) => `R-X${id},${c.sku},,4,No customer,${c.timestamp}\n`,
    malformed_date: (c, id, rng) => `R-X${id},${c.sku},${c.customerId},4,Bad date,${badDate(c, rng)}\n`,
    orphan_fk: (c, id) => `R-X${id},SKU-X${id},${c.customerId},4,Unknown product,${c.timestamp}\n`,
  },
};

export type InvalidCounts = Partial<Record<NativeEntity, Partial<Record<InvalidKind, number>>>>;

/**
 * Adds invalid rows as EXTRA rows (real rows are never corrupted, so the totals stay exact):
 * after each valid row, with probability `rate`, one invalid row of a random kind for that entity.
 * Invalid keys use an `X` prefix (O-X…, SKU-X…) that no real row ever has.
 */
export class NoiseInjector {
  private readonly kindsByEntity: Record<NativeEntity, InvalidKind[]>;
  private sequence = 0;
  readonly byFolder: Record<string, InvalidCounts> = {};
  private current: InvalidCounts = {};
  rows = 0;

  constructor(
    readonly rate: number,
    private readonly rng: Rng,
  ) {
    this.kindsByEntity = Object.fromEntries(Object.entries(BUILDERS).map(([e, b]) => [e, Object.keys(b)])) as Record<NativeEntity, InvalidKind[]>;
  }

  startFolder(date: string): void {
    this.current = {};
    this.byFolder[date] = this.current;
  }

  maybeInject(sink: EntitySink, ctx: NoiseContext): void {
    if (this.rng.next() >= this.rate) return;
    const entity = sink.entity;
    const kinds = this.kindsByEntity[entity];
    const kind = kinds[this.rng.int(kinds.length)] as InvalidKind;
    this.sequence += 1;
    const build = BUILDERS[entity][kind] as Builder;
    sink.write(build(ctx, String(this.sequence).padStart(7, '0'), this.rng));
    const counts = (this.current[entity] ??= {});
    counts[kind] = (counts[kind] ?? 0) + 1;
    this.rows += 1;
  }

  /** Totals by entity and kind over all folders. */
  totals(): { total: number; byKind: Partial<Record<InvalidKind, number>>; byEntity: InvalidCounts } {
    const byKind: Partial<Record<InvalidKind, number>> = {};
    const byEntity: InvalidCounts = {};
    let total = 0;
    for (const folder of Object.values(this.byFolder)) {
      for (const [entity, kinds] of Object.entries(folder) as [NativeEntity, Partial<Record<InvalidKind, number>>][]) {
        for (const [kind, n] of Object.entries(kinds) as [InvalidKind, number][]) {
          total += n;
          byKind[kind] = (byKind[kind] ?? 0) + n;
          const e = (byEntity[entity] ??= {});
          e[kind] = (e[kind] ?? 0) + n;
        }
      }
    }
    return { total, byKind, byEntity };
  }
}

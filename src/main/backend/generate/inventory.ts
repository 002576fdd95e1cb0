import { MOVEMENT_KINDS } from '../../../shared/data-contract/native-format';
import type { Calendar } from './calendar';
import type { Catalog } from './catalog';
import type { EntitySink } from './folder-writer';
import { type Rng } from './prng';

export const RECEIPT = 0;
export const SALE = 1;
export const ALLOCATION = 2;
export const RELEASE = 3;
export const ADJUSTMENT = 4;
export const RETURN = 5;
const KIND_COUNT = MOVEMENT_KINDS.length;
/** Movements are exported as one row per SKU, day and kind, stamped at these UTC times. */
const KIND_TIMES = ['T06:00:00Z', 'T23:00:00Z', 'T23:00:00Z', 'T23:00:00Z', 'T21:00:00Z', 'T23:00:00Z'];

export interface AtRiskSku {
  sku: string;
  firstDate: string;
  alerts: number;
  daysAtRisk: number;
  isPlanted: boolean;
}

/**
 * Stock per SKU, driven by dated movements. Most SKUs are replenished early enough that they
 * stay above their reorder point; a few "problem" SKUs reorder late from slow suppliers, so they
 * go at risk (on_hand − allocated < reorder_point) — the planted truth for the stock alerts.
 */
export class Inventory {
  readonly reorderPoint: Int32Array;
  readonly onHand: Int32Array;
  readonly allocated: Int32Array;
  private readonly onOrder: Int32Array;
  private readonly leadTime: Int32Array;
  readonly isProblem: Uint8Array;
  private readonly demand: Float64Array;
  /** Per day (index), signed quantities per SKU × kind; dropped once the day is closed. */
  private readonly deltas: (Int32Array | undefined)[] = [];
  private readonly isAtRisk: Uint8Array;
  private readonly firstAtRisk: Int32Array;
  private readonly alerts: Int32Array;
  private readonly daysAtRisk: Int32Array;
  private readonly count: number;

  constructor(
    private readonly catalog: Catalog,
    private readonly calendar: Calendar,
    unitsPerDay: number,
    private readonly rng: Rng,
  ) {
    const n = catalog.count;
    this.count = n;
    this.reorderPoint = new Int32Array(n);
    this.onHand = new Int32Array(n);
    this.allocated = new Int32Array(n);
    this.onOrder = new Int32Array(n);
    this.leadTime = new Int32Array(n);
    this.isProblem = new Uint8Array(n);
    this.demand = new Float64Array(n);
    this.isAtRisk = new Uint8Array(n);
    this.firstAtRisk = new Int32Array(n).fill(-1);
    this.alerts = new Int32Array(n);
    this.daysAtRisk = new Int32Array(n);
    const byWeight = Array.from({ length: n }, (_, i) => i).sort((a, b) => (catalog.weights[b] as number) - (catalog.weights[a] as number));
    const problemCount = Math.max(6, Math.round(n * 0.02));
    const popular = byWeight.slice(0, Math.max(problemCount * 3, Math.floor(n / 4)));
    for (let k = 0; k < problemCount && popular.length > 0; k += 1) {
      const product = popular.splice(rng.int(popular.length), 1)[0] as number;
      this.isProblem[product] = 1;
    }
    for (let j = 0; j < n; j += 1) {
      const mu = unitsPerDay * (catalog.weights[j] as number);
      const lead = rng.between(4, 12);
      this.demand[j] = mu;
      this.leadTime[j] = lead;
      this.reorderPoint[j] = Math.max(2, Math.ceil(mu * lead + 1.5 * Math.sqrt(mu * lead)));
      const opening = this.isProblem[j] === 1 ? (this.reorderPoint[j] as number) + Math.ceil(mu * rng.uniform(5, 20)) : this.orderUpTo(j);
      this.add(0, j, RECEIPT, Math.max(1, opening));
    }
  }

  /** Normal SKUs reorder while still a full lead time of demand above the reorder point. */
  private trigger(product: number): number {
    if (this.isProblem[product] === 1) return this.reorderPoint[product] as number;
    const mu = this.demand[product] as number;
    const lead = this.leadTime[product] as number;
    return (this.reorderPoint[product] as number) + Math.ceil(mu * lead * 1.3 + 3 * Math.sqrt(mu * lead) + 2);
  }

  private orderUpTo(product: number): number {
    return this.trigger(product) + Math.ceil((this.demand[product] as number) * 30) + 5;
  }

  /** Books a signed movement on a day; movements past the horizon have not happened yet. */
  add(day: number, product: number, kind: number, quantity: number): void {
    if (day >= this.calendar.days) return;
    let buffer = this.deltas[day];
    if (!buffer) {
      buffer = new Int32Array(this.count * KIND_COUNT);
      this.deltas[day] = buffer;
    }
    buffer[product * KIND_COUNT + kind] = (buffer[product * KIND_COUNT + kind] as number) + quantity;
  }

  /**
   * Ends a day: random count adjustments, the day's movement rows, the end-of-day snapshot
   * (at-risk transitions raise alerts) and replenishment orders for later days.
   */
  closeDay(day: number, sink: EntitySink, afterRow: (sku: string) => void): void {
    for (let j = 0; j < this.count; j += 1) {
      if (this.rng.next() < 0.003) {
        const units = this.rng.between(1, 3);
        this.add(day, j, ADJUSTMENT, (this.onHand[j] as number) > 10 ? -units : units);
      }
    }
    const buffer = this.deltas[day];
    this.deltas[day] = undefined;
    const date = this.calendar.dateKeys[day] as string;
    for (let j = 0; j < this.count; j += 1) {
      let sold = 0;
      if (buffer) {
        const emergency = this.coverShortfall(buffer, j);
        const sku = this.catalog.skus[j] as string;
        for (let kind = 0; kind < KIND_COUNT; kind += 1) {
          const quantity = buffer[j * KIND_COUNT + kind] as number;
          if (quantity === 0) continue;
          sink.ascii(sku).comma().ascii(date).ascii(KIND_TIMES[kind] as string).comma().ascii(MOVEMENT_KINDS[kind] as string).comma().int(quantity).endRow();
          afterRow(sku);
          if (kind === ALLOCATION || kind === RELEASE) this.allocated[j] = (this.allocated[j] as number) + quantity;
          else this.onHand[j] = (this.onHand[j] as number) + quantity;
          if (kind === RECEIPT) this.onOrder[j] = Math.max(0, (this.onOrder[j] as number) - (quantity - emergency));
          if (kind === SALE) sold = -quantity;
        }
      }
      this.demand[j] = 0.97 * (this.demand[j] as number) + 0.03 * sold;
      this.snapshot(day, j);
      this.replenish(day, j);
    }
  }

  /**
   * Shops do not ship stock they lack: when a day's sales would take a SKU below zero, the units
   * come the same morning by an emergency transfer (booked as a receipt), so on-hand never goes
   * negative. Returns the units added to the day's receipt.
   */
  private coverShortfall(buffer: Int32Array, j: number): number {
    let change = 0;
    for (const kind of [RECEIPT, SALE, ADJUSTMENT, RETURN]) change += buffer[j * KIND_COUNT + kind] as number;
    const shortfall = -((this.onHand[j] as number) + change);
    if (shortfall <= 0) return 0;
    buffer[j * KIND_COUNT + RECEIPT] = (buffer[j * KIND_COUNT + RECEIPT] as number) + shortfall;
    return shortfall;
  }

  private snapshot(day: number, j: number): void {
    const available = (this.onHand[j] as number) - (this.allocated[j] as number);
    const isAtRisk = available < (this.reorderPoint[j] as number);
    if (isAtRisk) {
      this.daysAtRisk[j] = (this.daysAtRisk[j] as number) + 1;
      if (this.isAtRisk[j] === 0) {
        this.alerts[j] = (this.alerts[j] as number) + 1;
        if (this.firstAtRisk[j] === -1) this.firstAtRisk[j] = day;
      }
    }
    this.isAtRisk[j] = isAtRisk ? 1 : 0;
  }

  private replenish(day: number, j: number): void {
    const available = (this.onHand[j] as number) - (this.allocated[j] as number);
    const position = available + (this.onOrder[j] as number);
    const lead = this.leadTime[j] as number;
    if (available < 0 && (this.onOrder[j] as number) <= -available) {
      // Oversold: an expedited receipt the next morning keeps stock from staying negative.
      this.orderStock(day + 1, j, -available + (this.reorderPoint[j] as number) + Math.ceil((this.demand[j] as number) * 14) + 1);
    } else if (position < this.trigger(j)) {
      const delay = this.isProblem[j] === 1 ? Math.round(lead * this.rng.uniform(2, 4)) : lead;
      this.orderStock(day + delay, j, this.orderUpTo(j) - position);
    }
  }

  private orderStock(arrivalDay: number, j: number, quantity: number): void {
    if (quantity <= 0) return;
    this.onOrder[j] = (this.onOrder[j] as number) + quantity;
    this.add(arrivalDay, j, RECEIPT, quantity);
  }

  atRiskSkus(): AtRiskSku[] {
    const out: AtRiskSku[] = [];
    for (let j = 0; j < this.count; j += 1) {
      const first = this.firstAtRisk[j] as number;
      if (first < 0) continue;
      out.push({
        sku: this.catalog.skus[j] as string,
        firstDate: this.calendar.dateKeys[first] as string,
        alerts: this.alerts[j] as number,
        daysAtRisk: this.daysAtRisk[j] as number,
        isPlanted: this.isProblem[j] === 1,
      });
    }
    return out;
  }

  totalAlerts(): number {
    return this.alerts.reduce((a, b) => a + b, 0);
  }
}

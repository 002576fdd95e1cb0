import type { OrderRecord } from './order-record';

export type ResendKind = 'status_update' | 'exact_repeat';

export interface ReturnEvent {
  orderSeq: number;
  lineNo: number;
  quantity: number;
  time: number;
  reason: string;
}

export interface ReviewEvent {
  sku: string;
  customerId: string;
  rating: number;
  text: string;
  time: number;
  isAfterReturn: boolean;
}

interface DayEvents {
  /** Re-sends in scheduling order, as two parallel lists (no object per re-send). */
  resendOrders: OrderRecord[];
  resendKinds: ResendKind[];
  returns: ReturnEvent[];
  reviews: ReviewEvent[];
}

/**
 * Rows that belong to a later export day: re-sent orders, returns and reviews. Only the
 * horizon's next weeks are ever populated, and each day is dropped once written, so memory
 * stays proportional to orders in flight, not to the store.
 */
export class Schedule {
  private readonly byDay = new Map<number, DayEvents>();

  constructor(private readonly days: number) {}

  private on(day: number): DayEvents | null {
    if (day >= this.days) return null;
    let events = this.byDay.get(day);
    if (!events) {
      events = { resendOrders: [], resendKinds: [], returns: [], reviews: [] };
      this.byDay.set(day, events);
    }
    return events;
  }

  /** False when the day lies past the horizon (the re-send never happens). */
  resend(day: number, order: OrderRecord, kind: ResendKind): boolean {
    const events = this.on(day);
    if (!events) return false;
    events.resendOrders.push(order);
    events.resendKinds.push(kind);
    return true;
  }

  returnOn(day: number, event: ReturnEvent): void {
    this.on(day)?.returns.push(event);
  }

  reviewOn(day: number, event: ReviewEvent): void {
    this.on(day)?.reviews.push(event);
  }

  take(day: number): DayEvents {
    const events = this.byDay.get(day) ?? { resendOrders: [], resendKinds: [], returns: [], reviews: [] };
    this.byDay.delete(day);
    events.returns.sort((a, b) => a.time - b.time);
    events.reviews.sort((a, b) => a.time - b.time);
    return events;
  }
}

import type { OrderRecord } from './order-record';

export type ResendKind = 'status_update' | 'exact_repeat';

export interface Resend {
  order: OrderRecord;
  kind: ResendKind;
}

export interface ReturnEvent {
  orderId: string;
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
  resends: Resend[];
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
      events = { resends: [], returns: [], reviews: [] };
      this.byDay.set(day, events);
    }
    return events;
  }

  resend(day: number, resend: Resend): void {
    this.on(day)?.resends.push(resend);
  }

  returnOn(day: number, event: ReturnEvent): void {
    this.on(day)?.returns.push(event);
  }

  reviewOn(day: number, event: ReviewEvent): void {
    this.on(day)?.reviews.push(event);
  }

  take(day: number): DayEvents {
    const events = this.byDay.get(day) ?? { resends: [], returns: [], reviews: [] };
    this.byDay.delete(day);
    events.returns.sort((a, b) => a.time - b.time);
    events.reviews.sort((a, b) => a.time - b.time);
    return events;
  }
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { NATIVE_ENTITIES, type NativeEntity } from '../../../../shared/data-contract/native-format';
import type { GeneratedStore } from './generated-store';

/**
 * Test-only: the store's figures recomputed from the CSV files with csv-parse and the zod schemas
 * of the data contract — none of the pipeline's reader, validators or SQL — so tests compare two
 * independent computations.
 */
export interface IndependentOrder {
  orderId: string;
  customerId: string;
  currency: string;
  date: string;
  isCounted: boolean;
  grossCents: number;
  discountCents: number;
  refundCents: number;
  netCents: number;
}

const cents = (text: string): number => Math.round(Number(text) * 100);

function validRows(store: GeneratedStore, entity: NativeEntity): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const day of store.days) {
    const text = readFileSync(path.join(store.landing, day, `${entity}.csv`), 'utf8');
    for (const record of parse(text, { columns: true }) as Record<string, string>[]) {
      if (NATIVE_ENTITIES[entity].safeParse(record).success) out.push(record);
    }
  }
  return out;
}

export function independentOrders(store: GeneratedStore): Map<string, IndependentOrder> {
  // Later folders (and later lines) were ingested later: the last valid row wins.
  const orders = new Map<string, Record<string, string>>();
  for (const row of validRows(store, 'orders')) orders.set(row.order_id as string, row);
  const lines = new Map<string, Record<string, string>>();
  for (const row of validRows(store, 'order_items')) if (orders.has(row.order_id as string)) lines.set(`${row.order_id}|${row.line_no}`, row);
  const returnsByKey = new Map<string, Record<string, string>>();
  for (const row of validRows(store, 'returns')) returnsByKey.set(`${row.order_id}|${row.line_no}|${row.returned_at}`, row);
  const result = new Map<string, IndependentOrder>();
  for (const [orderId, o] of orders) {
    result.set(orderId, {
      orderId, customerId: o.customer_id as string, currency: o.currency as string, date: (o.created_at as string).slice(0, 10),
      isCounted: o.status !== 'cancelled' && (o.paid_at ?? '') !== '', grossCents: 0, discountCents: 0, refundCents: 0, netCents: 0,
    });
  }
  for (const line of lines.values()) {
    const order = result.get(line.order_id as string);
    if (!order) continue;
    order.grossCents += Number(line.quantity) * cents(line.unit_price as string);
    order.discountCents += cents(line.line_discount as string);
  }
  for (const ret of returnsByKey.values()) {
    const order = result.get(ret.order_id as string);
    const line = lines.get(`${ret.order_id}|${ret.line_no}`);
    const delivered = orders.get(ret.order_id as string)?.delivered_at ?? '';
    if (!order || !line || delivered === '') continue;
    const days = (Date.parse(ret.returned_at as string) - Date.parse(delivered)) / 86_400_000;
    if (days > 30) continue;
    const lineNet = Number(line.quantity) * cents(line.unit_price as string) - cents(line.line_discount as string);
    order.refundCents += Math.round((lineNet * Math.min(Number(ret.quantity), Number(line.quantity))) / Number(line.quantity));
  }
  for (const order of result.values()) order.netCents = order.grossCents - order.discountCents - order.refundCents;
  return result;
}

export interface IndependentCohort {
  cohortMonth: string;
  currency: string;
  windowDays: number;
  customers: number;
  retained: number;
  revenueCents: number;
}

/** Cohorts by first counted order (ties by creation, then order id), windows of days 0 … w−1. */
export function independentCohorts(orders: Map<string, IndependentOrder>, createdAt: Map<string, string>): IndependentCohort[] {
  const byCustomer = new Map<string, IndependentOrder[]>();
  for (const order of orders.values()) {
    if (!order.isCounted) continue;
    const list = byCustomer.get(order.customerId) ?? [];
    list.push(order);
    byCustomer.set(order.customerId, list);
  }
  const cells = new Map<string, IndependentCohort>();
  const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  for (const list of byCustomer.values()) {
    list.sort((a, b) => Date.parse(createdAt.get(a.orderId) ?? '') - Date.parse(createdAt.get(b.orderId) ?? '') || 0);
    const first = list[0] as IndependentOrder;
    for (const windowDays of [7, 30, 90]) {
      const key = `${first.date.slice(0, 7)}|${first.currency}|${windowDays}`;
      const cell = cells.get(key) ?? { cohortMonth: first.date.slice(0, 7), currency: first.currency, windowDays, customers: 0, retained: 0, revenueCents: 0 };
      const inWindow = list.filter((o) => o.currency === first.currency && dayNumber(o.date) - dayNumber(first.date) < windowDays);
      cell.customers += 1;
      cell.retained += inWindow.length > 1 ? 1 : 0;
      cell.revenueCents += inWindow.reduce((sum, o) => sum + o.netCents, 0);
      cells.set(key, cell);
    }
  }
  return [...cells.values()];
}

export function createdAtOf(store: GeneratedStore): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of validRows(store, 'orders')) map.set(row.order_id as string, row.created_at as string);
  return map;
}

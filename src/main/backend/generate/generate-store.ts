import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import type { NativeEntity } from '../../../shared/data-contract/native-format';
import { Calendar, DAY_SECONDS } from './calendar';
import { buildCatalog, type Catalog } from './catalog';
import { buildPopulation, calibrateAlpha, countPurchases, expectedLinesPerOrder, type Population } from './customers';
import { DayFolderWriter } from './folder-writer';
import { Inventory } from './inventory';
import { buildManifest, type RunCounters } from './build-manifest';
import { money } from './money';
import { NoiseInjector, type NoiseContext } from './noise';
import { ORDER_ID_DIGITS, writeOrderRowAsOf, type OrderRecord } from './order-record';
import { customerIdOf, OrderFactory } from './order-factory';
import { resolveOptions, type GenerateOptions, type ResolvedOptions } from './options';
import { buildNamePools, csvField, type NamePools } from './pools';
import { deriveSeed, Rng, streamNext } from './prng';
import { Schedule, type ResendKind } from './schedule';
import { Tastes } from './taste';
import { TruthLedger } from './truth';
import { ACQUISITION_CHANNELS, BASE_BGNBD, CATEGORIES, REGIONS, SEGMENTS } from './world';

export interface GenerateHooks {
  progress(done: number, total: number, phase: string): void;
  throwIfCancelled(): void;
}

export interface GenerateSummary {
  outDir: string;
  manifestPath: string;
  folders: number;
  files: number;
  bytes: number;
  rows: Record<NativeEntity, number>;
  invalidRows: number;
  duplicateOrderRows: number;
  lines: number;
  orders: number;
  seconds: number;
}

const NO_HOOKS: GenerateHooks = { progress: () => undefined, throwIfCancelled: () => undefined };
const EMAIL_DOMAINS = ['example.com', 'example.org', 'mail.example.net'];
const FOLDER_NAME = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Only our own output may be replaced: date folders and manifest.json. Anything else in the
 * folder means it is not a landing folder we wrote, and we refuse rather than mix files.
 */
function prepareOutDir(outDir: string): void {
  if (!existsSync(outDir)) {
    mkdirSync(outDir, { recursive: true });
    return;
  }
  const entries = readdirSync(outDir);
  const foreign = entries.filter((name) => name !== 'manifest.json' && !FOLDER_NAME.test(name));
  if (foreign.length > 0) {
    throw new AppError('VALIDATION', `The output folder ${outDir} holds files the generator did not write (${foreign.slice(0, 3).join(', ')}); choose an empty folder.`, { outDir });
  }
  for (const name of entries) rmSync(path.join(outDir, name), { recursive: true, force: true });
}

function customerRow(i: number, signup: number, population: Population, pools: NamePools, calendar: Calendar, rng: Rng): string {
  const region = REGIONS[population.region[i] as number]!;
  const first = population.firstName[i] as number;
  const last = population.lastName[i] as number;
  const name = csvField(`${pools.firstNames[first] as string} ${pools.lastNames[last] as string}`);
  const email = `${pools.firstSlugs[first] as string}.${pools.lastSlugs[last] as string}${i + 1}@${EMAIL_DOMAINS[i % EMAIL_DOMAINS.length] as string}`;
  const signedUp = calendar.timestamp(signup);
  return `${customerIdOf(i, population.count)},${email},${name},${region.code},${region.country},${csvField(rng.pick(region.cities))},${signedUp.slice(0, 10)},${SEGMENTS[population.segment[i] as number] as string},${ACQUISITION_CHANNELS[population.acquisition[i] as number] as string},${signedUp}\n`;
}

function productRow(catalog: Catalog, j: number, reorderPoint: number, updatedAt: string): string {
  const category = CATEGORIES[catalog.categories[j] as number]!.name;
  return `${catalog.skus[j] as string},${catalog.names[j] as string},${csvField(category)},${catalog.brands[j] as string},${catalog.suppliers[j] as string},${money(catalog.costCents[j] as number)},${money(catalog.listCents[j] as number)},${reorderPoint},${updatedAt}\n`;
}

/**
 * Writes a synthetic store as nightly export folders plus manifest.json (the planted truth).
 * It simulates day by day and streams rows out; only orders still in flight stay in memory.
 */
export async function generateStore(input: GenerateOptions, hooks: GenerateHooks = NO_HOOKS): Promise<GenerateSummary> {
  const startedAt = performance.now();
  const options: ResolvedOptions = resolveOptions(input);
  const { seed, days } = options;
  const calendar = new Calendar(options.start, days, deriveSeed(seed, 1));
  const pools = buildNamePools(seed);
  const catalog = buildCatalog(options.products, days, pools, new Rng(deriveSeed(seed, 2)));
  const population = buildPopulation(options.customers, calendar, { first: pools.firstNames.length, last: pools.lastNames.length }, new Rng(deriveSeed(seed, 3)), seed);
  hooks.progress(0, days, 'calibrating');
  const calibration = options.lines === null
    ? { alpha: BASE_BGNBD.alpha, expectedOrders: countPurchases(population, calendar, BASE_BGNBD.alpha) }
    : calibrateAlpha(population, calendar, options.lines);
  const alpha = calibration.alpha;
  // Demand estimate for reorder points: expected lines per day × mean quantity (~1.3).
  const unitsPerDay = (calibration.expectedOrders * expectedLinesPerOrder() * 1.3) / days;
  const inventory = new Inventory(catalog, calendar, unitsPerDay, new Rng(deriveSeed(seed, 4)));
  const schedule = new Schedule(days);
  const ledger = new TruthLedger(calendar, population.count);
  const noise = new NoiseInjector(options.noise, new Rng(deriveSeed(seed, 5)));
  const rng = new Rng(deriveSeed(seed, 6));
  const tastes = new Tastes(population.count, population.isBuyer, catalog, new Rng(deriveSeed(seed, 7)));
  const factory = new OrderFactory({ calendar, catalog, population, inventory, schedule, tastes, ledger, noise, rng });
  prepareOutDir(options.outDir);
  const writer = new DayFolderWriter(options.outDir);
  const sinks = writer.sinks;

  const nextSecond = new Float64Array(population.count);
  const isWritten = new Uint8Array(population.count);
  const buckets: (number[] | undefined)[] = new Array<number[] | undefined>(days);
  for (let i = 0; i < population.count; i += 1) {
    const birth = population.birth[i] as number;
    nextSecond[i] = calendar.toSeconds(birth);
    population.clock[i] = calendar.clockAt(birth);
    (buckets[Math.floor(birth)] ??= []).push(i);
  }

  const counters: RunCounters = {
    rows: { customers: 0, products: 0, orders: 0, order_items: 0, returns: 0, inventory_movements: 0, reviews: 0 },
    duplicatesByFolder: {},
    reviewRatings: { returnedSum: 0, returnedCount: 0, keptSum: 0, keptCount: 0 },
  };
  const ctx: NoiseContext = { timestamp: '', sku: catalog.skus[0] as string, customerId: customerIdOf(0, population.count), orderSeq: 0 };
  let priceChangeIndex = 0;
  let reviewSequence = 0;
  let lastOrderSeq = 0;

  try {
    for (let day = 0; day < days; day += 1) {
      hooks.throwIfCancelled();
      const date = calendar.dateKeys[day] as string;
      writer.open(date);
      noise.startFolder(date);
      ctx.timestamp = `${date}T12:00:00Z`;

      // Products: the whole catalogue on day 0, then a new row (SCD-2 version) per price change.
      if (day === 0) {
        for (let j = 0; j < catalog.count; j += 1) {
          ctx.sku = catalog.skus[j] as string;
          sinks.products.write(productRow(catalog, j, inventory.reorderPoint[j] as number, `${date}T00:00:00Z`));
          noise.maybeInject(sinks.products, ctx);
        }
      }
      for (; priceChangeIndex < catalog.priceChanges.length && catalog.priceChanges[priceChangeIndex]!.day === day; priceChangeIndex += 1) {
        const change = catalog.priceChanges[priceChangeIndex]!;
        catalog.listCents[change.product] = change.listCents;
        sinks.products.write(productRow(catalog, change.product, inventory.reorderPoint[change.product] as number, `${date}T00:00:00Z`));
      }

      // Purchases (and signups) of the day, in time order.
      const queue = buckets[day] ?? [];
      buckets[day] = undefined;
      queue.sort((a, b) => (nextSecond[a] as number) - (nextSecond[b] as number) || a - b);
      for (let k = 0; k < queue.length; k += 1) {
        const i = queue[k] as number;
        const at = nextSecond[i] as number;
        if (isWritten[i] === 0) {
          isWritten[i] = 1;
          const signup = population.isBuyer[i] === 1 ? Math.max(day * DAY_SECONDS, at - rng.between(60, 1800)) : at;
          sinks.customers.write(customerRow(i, signup, population, pools, calendar, rng));
          noise.maybeInject(sinks.customers, ctx);
        }
        if (population.isBuyer[i] === 0) continue;
        ctx.customerId = customerIdOf(i, population.count);
        factory.place(i, at, population.purchases[i] === 0, sinks.orders, sinks.order_items, ctx);
        population.purchases[i] = (population.purchases[i] as number) + 1;
        lastOrderSeq = ctx.orderSeq;
        // BG/NBD: after each repeat purchase (never after the birth) drop out with probability p;
        // else wait Exp(λ) on the seasonal clock. countPurchases replays exactly these draws.
        if ((population.purchases[i] as number) > 1 && streamNext(population.streams, i) < (population.dropout[i] as number)) continue;
        const clock = (population.clock[i] as number) - Math.log(1 - streamNext(population.streams, i)) * (alpha / (population.lambda0[i] as number));
        population.clock[i] = clock;
        if (clock >= calendar.totalClock) continue;
        const next = Math.max(at, calendar.toSeconds(calendar.timeAtClock(clock)));
        nextSecond[i] = next;
        const nextDay = Math.floor(next / DAY_SECONDS);
        if (nextDay > day) {
          (buckets[nextDay] ??= []).push(i);
        } else {
          let insertAt = k + 1;
          while (insertAt < queue.length && (nextSecond[queue[insertAt] as number] as number) <= next) insertAt += 1;
          queue.splice(insertAt, 0, i);
        }
      }

      // Rows that belong to this export day: re-sent orders, returns, reviews.
      const due = schedule.take(day);
      const duplicates: Partial<Record<'status_update' | 'exact_repeat', number>> = {};
      for (let r = 0; r < due.resendOrders.length; r += 1) {
        const order = due.resendOrders[r] as OrderRecord;
        const kind = due.resendKinds[r] as ResendKind;
        ctx.customerId = order.customerId;
        writeOrderRowAsOf(sinks.orders, order, day, calendar);
        noise.maybeInject(sinks.orders, ctx);
        duplicates[kind] = (duplicates[kind] ?? 0) + 1;
        factory.released(order);
      }
      if (due.resendOrders.length > 0) counters.duplicatesByFolder[date] = duplicates;
      for (const event of due.returns) {
        ctx.orderSeq = event.orderSeq;
        sinks.returns.ascii('O-').padded(event.orderSeq, ORDER_ID_DIGITS).comma().int(event.lineNo).comma().int(event.quantity).comma().timestamp(event.time, calendar).comma().text(event.reason).comma().endRow();
        noise.maybeInject(sinks.returns, ctx);
      }
      for (const review of due.reviews) {
        reviewSequence += 1;
        ctx.sku = review.sku;
        ctx.customerId = review.customerId;
        sinks.reviews.ascii('R-').padded(reviewSequence, 8).comma().ascii(review.sku).comma().ascii(review.customerId).comma().int(review.rating).comma();
        sinks.reviews.text(review.text).comma().timestamp(review.time, calendar).endRow();
        noise.maybeInject(sinks.reviews, ctx);
        const ratings = counters.reviewRatings;
        if (review.isAfterReturn) {
          ratings.returnedSum += review.rating;
          ratings.returnedCount += 1;
        } else {
          ratings.keptSum += review.rating;
          ratings.keptCount += 1;
        }
      }
      ctx.orderSeq = lastOrderSeq;

      inventory.closeDay(day, sinks.inventory_movements, (sku) => {
        ctx.sku = sku;
        noise.maybeInject(sinks.inventory_movements, ctx);
      });
      await writer.close();
      hooks.progress(day + 1, days, 'writing');
      // Let the event loop breathe (CLI signals, worker messages) without slowing the loop down.
      if (day % 16 === 15) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await writer.finish();
  } catch (error) {
    await writer.abandon();
    throw error;
  }

  const invalidByEntity = noise.totals().byEntity;
  for (const entity of Object.keys(counters.rows) as NativeEntity[]) counters.rows[entity] = sinks[entity].rows - sumValues(invalidByEntity[entity]);
  const manifest = buildManifest({ options, calendar, catalog, population, inventory, ledger, noise, factory, tastes, counters, alpha, expectedOrders: calibration.expectedOrders, reorderPoint: inventory.reorderPoint });
  const manifestPath = path.join(options.outDir, 'manifest.json');
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    outDir: options.outDir,
    manifestPath,
    folders: days,
    files: writer.files + 1,
    bytes: writer.bytes,
    rows: counters.rows,
    invalidRows: noise.rows,
    duplicateOrderRows: manifest.injected.duplicates.total,
    lines: factory.stats.lines,
    orders: ledger.ordersAll,
    seconds: (performance.now() - startedAt) / 1000,
  };
}

function sumValues(record: Partial<Record<string, number>> | undefined): number {
  return Object.values(record ?? {}).reduce<number>((a, b) => a + (b ?? 0), 0);
}


import type { Db } from './db/open';
import { dataFingerprint } from './ml/warehouse/fingerprint';
import { ANALYTICS_VIEWS } from './analytics/view-registry';

/**
 * Pages open on "all time": running each view once with those filters builds the per-connection
 * lookups (analytics/read-cache.ts) and pulls the aggregates into SQLite's page cache, which a first visit
 * otherwise pays for (RFM took 243 ms cold against 34 ms warm at 50k customers).
 * Views that need an id (one customer, one product) have nothing general to warm. The model
 * panels' staleness check (the data fingerprint) cost 0.5 s per call before it was cached.
 */
const EXTRA_ARGS: Record<string, readonly Record<string, unknown>[]> = {
  breakdown: [{ dimension: 'category' }, { dimension: 'channel' }],
  rfm: [{ limit: 2000 }],
  customer: [],
  product: [],
};

export interface WarmUpCall {
  /** The view's name, or what else is warmed. */
  view: string;
  run(db: Db): unknown;
}

export function warmUpCalls(): WarmUpCall[] {
  const views = ANALYTICS_VIEWS.flatMap((v) => {
    const hasFilters = v.params.some((p) => p.name === 'filters');
    const extras = EXTRA_ARGS[v.view] ?? [{}];
    return extras.map((extra): WarmUpCall => ({ view: v.view, run: (db) => v.run(db, { ...(hasFilters ? { filters: {} } : {}), ...extra }) }));
  });
  // Every model panel asks whether its stored run is current, which needs the data fingerprint.
  return [{ view: 'data fingerprint', run: dataFingerprint }, ...views];
}

export interface WarmUpOptions {
  /** Quiet time after the warehouse opens or its data changes, so the page's own requests go first. */
  delayMs: number;
  /** Told of each view warmed; tests and logs listen. */
  onWarmed?: (call: WarmUpCall, ms: number) => void;
}

/**
 * Runs the warm-up calls one per event-loop turn (setImmediate lets pending requests in between,
 * so a real request waits for at most one view). A data change restarts the round; `stop` ends it.
 * Failures are ignored: an empty or half-imported warehouse simply has less to warm.
 */
export class EngineWarmUp {
  private round = 0;
  private timeout: NodeJS.Timeout | null = null;
  private immediate: NodeJS.Immediate | null = null;

  constructor(
    private readonly db: Db,
    private readonly options: WarmUpOptions,
  ) {}

  schedule(): void {
    this.cancelTimer();
    const round = ++this.round;
    const calls = warmUpCalls();
    const step = (index: number): void => {
      if (round !== this.round || index >= calls.length) return;
      const call = calls[index] as WarmUpCall;
      const started = performance.now();
      try {
        call.run(this.db);
        this.options.onWarmed?.(call, performance.now() - started);
      } catch {
        // Nothing to warm for this view (no data yet, or the connection is closing).
      }
      // Not unref'd: the event loop would then sleep in its poll phase until other work arrives.
      this.immediate = setImmediate(() => step(index + 1));
    };
    // Unref'd: a process that is otherwise done never stays alive to warm a cache nobody will read.
    this.timeout = setTimeout(() => step(0), this.options.delayMs).unref();
  }

  stop(): void {
    this.round += 1;
    this.cancelTimer();
  }

  private cancelTimer(): void {
    if (this.timeout) clearTimeout(this.timeout);
    if (this.immediate) clearImmediate(this.immediate);
    this.timeout = null;
    this.immediate = null;
  }
}

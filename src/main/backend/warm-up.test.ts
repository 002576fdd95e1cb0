import { afterAll, describe, expect, it } from 'vitest';
import { sampleStore } from './analytics/testing/sample-store';
import { seededWarehouse } from './analytics/testing/seeded-warehouse';
import { ANALYTICS_VIEWS } from './analytics/view-registry';
import { EngineWarmUp, warmUpCalls, type WarmUpCall } from './warm-up';

const warehouse = seededWarehouse(sampleStore({ customers: 30, orders: 200, days: 90 }));
afterAll(() => warehouse.dispose());

/** Resolves once `count` views have been warmed, or after `ms` with what was warmed by then. */
function collect(warmUp: (onWarmed: (call: WarmUpCall) => void) => void, count: number, ms = 2000): Promise<WarmUpCall[]> {
  const warmed: WarmUpCall[] = [];
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(warmed), ms);
    warmUp((call) => {
      warmed.push(call);
      if (warmed.length === count) {
        clearTimeout(timer);
        resolve(warmed);
      }
    });
  });
}

describe('engine warm-up', () => {
  it('covers every view that takes no id, with arguments its contract accepts', async () => {
    const calls = warmUpCalls();
    const views = new Set(calls.map((c) => c.view));
    for (const view of ANALYTICS_VIEWS) expect(views.has(view.view), view.view).toBe(!['customer', 'product'].includes(view.view));
    expect(views.has('data fingerprint')).toBe(true);
    // onWarmed is only told of views that ran without an error.
    const warmed = await collect((onWarmed) => new EngineWarmUp(warehouse.db, { delayMs: 0, onWarmed }).schedule(), calls.length);
    expect(warmed.map((c) => c.view)).toEqual(calls.map((c) => c.view));
  });

  it('a new schedule restarts the round, and stop ends it', async () => {
    const total = warmUpCalls().length;
    let warmUp: EngineWarmUp | null = null;
    const warmed = await collect((onWarmed) => {
      warmUp = new EngineWarmUp(warehouse.db, { delayMs: 0, onWarmed });
      warmUp.schedule();
      warmUp.schedule();
    }, total + 1, 1000);
    // Only the second round ran: the first was replaced before its first step.
    expect(warmed).toHaveLength(total);

    const stopped = await collect((onWarmed) => {
      const w = new EngineWarmUp(warehouse.db, { delayMs: 0, onWarmed });
      w.schedule();
      w.stop();
    }, 1, 300);
    expect(stopped).toHaveLength(0);
  });
});

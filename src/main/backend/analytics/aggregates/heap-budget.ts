import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A memory budget for long batch passes. The month pass of the aggregate refresh builds tens of
 * MB of maps and arrays that all die when the month ends; V8 lets such garbage pile up in its
 * old generation until the heap is 3–4 times the live data before it collects, and that pile
 * set the import's peak RSS (over 500 MB at 1M lines, with 25–70 MB live). Between months, a
 * heap past the budget gets one full collection (a few tens of ms), which keeps it near what is
 * live. Where V8 refuses to expose its collector, nothing happens: only memory is at stake.
 */
let collector: (() => void) | null | undefined;

function fullCollector(): (() => void) | null {
  if (collector !== undefined) return collector;
  try {
    // Only contexts created after the flag see `gc`; this one is created for nothing else.
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    collector = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collector = null;
  }
  return collector;
}

/** Collects garbage now if the JS heap (live objects and garbage alike) is past `budgetMb`; true when it did. */
export function keepHeapWithin(budgetMb: number): boolean {
  if (process.memoryUsage().heapUsed < budgetMb * 1024 * 1024) return false;
  const collect = fullCollector();
  if (!collect) return false;
  collect();
  return true;
}

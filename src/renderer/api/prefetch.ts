import type { Bridge } from '../../shared/bridge';
import { callEngine } from './engine';
import { engineKey, type EngineRequest } from './engine-request';
import type { ResultCache } from './result-cache';

/**
 * Asks for other pages' answers while the window is idle, one request at a time so a click on
 * the page in front is never queued behind a burst of them. Answers land in the result cache,
 * where the pages' own hooks find them (or wait for one still on its way), so a first visit
 * draws like a revisit. Returns a function that stops before the next request.
 */
export function prefetchAnswers(bridge: Bridge, cache: ResultCache, requests: readonly EngineRequest[]): () => void {
  let isStopped = false;
  void (async () => {
    for (const { method, args } of requests) {
      if (isStopped) return;
      const key = engineKey(method, args);
      if (cache.has(key) || cache.pending(key)) continue;
      try {
        await cache.track(key, callEngine(bridge, method, args));
      } catch {
        // The page will ask again and show the error itself.
      }
    }
  })();
  return () => {
    isStopped = true;
  };
}

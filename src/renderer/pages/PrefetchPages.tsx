import { useEffect } from 'react';
import { useApiContext } from '../api/ApiContext';
import { prefetchAnswers } from '../api/prefetch';
import { useFilters } from '../filters/FiltersContext';
import { useViewFilters } from '../filters/useViewFilters';
import { PAGES } from './registry';

/** Quiet time after the page in front settles (its own requests and charts go first). */
const IDLE_DELAY_MS = 300;

/**
 * While the user reads one page, asks for the other pages' chart answers under the same filters,
 * so switching to them draws at once instead of waiting for the engine. Starts over whenever the
 * filters, the data or the page in front change; nothing is asked while a filter still waits
 * for the data's date range.
 */
function usePrefetchPages(currentPageId: string, isEnabled: boolean): void {
  const { bridge, cache, dataVersion } = useApiContext();
  const { filtersFor } = useFilters();
  // Null exactly while the pages themselves would not ask yet.
  const pageFilters = useViewFilters();
  const isReady = isEnabled && pageFilters !== null;

  useEffect(() => {
    if (!isReady) return;
    let stop: (() => void) | null = null;
    const start = () => {
      const requests = PAGES.filter((page) => page.id !== currentPageId && page.prefetch).flatMap((page) => page.prefetch?.(filtersFor) ?? []);
      stop = prefetchAnswers(bridge, cache, requests);
    };
    const idle = 'requestIdleCallback' in window ? (cb: () => void) => window.requestIdleCallback(cb, { timeout: 2000 }) : (cb: () => void) => window.setTimeout(cb, 0);
    const timer = window.setTimeout(() => idle(start), IDLE_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      stop?.();
    };
  }, [bridge, cache, dataVersion, currentPageId, filtersFor, isReady]);
}

/** Renders nothing: it only needs to sit inside the filters provider. */
export function PrefetchPages({ currentPageId, isEnabled }: { currentPageId: string; isEnabled: boolean }) {
  usePrefetchPages(currentPageId, isEnabled);
  return null;
}

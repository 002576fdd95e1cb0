import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CustomerRow, CustomerSortKey, Filters } from '../../../shared/contract/analytics';
import type { AppError } from '../../../shared/result';
import { useEngine, useEngineCall } from '../../api/useEngine';
import type { PagedRows } from '../../components/DataTable';

export const PAGE_SIZE = 1000;

/** Rows not fetched yet: the table draws them as "…" and asks for their page when they scroll in. */
const placeholders = new WeakSet<CustomerRow>();

export function isPlaceholder(row: CustomerRow): boolean {
  return placeholders.has(row);
}

function cachedPlaceholder(cache: Map<number, CustomerRow>, index: number): CustomerRow {
  let row = cache.get(index);
  if (!row) {
    row = placeholder(index);
    cache.set(index, row);
  }
  return row;
}

function placeholder(index: number): CustomerRow {
  const row: CustomerRow = { customerId: `…${index}`, name: null, email: null, region: null, segment: null, orders: Number.NaN, netRevenue: Number.NaN, firstOrder: null, lastOrder: null, clv: Number.NaN, rank: index + 1 };
  placeholders.add(row);
  return row;
}

interface Query {
  filters: Filters;
  search: string;
  sort: CustomerSortKey;
  direction: 'asc' | 'desc';
}

/**
 * Server-side paging for the top-customers table: the first page comes with the total, the
 * rest are fetched page by page as the virtual window reaches them, so 100k customers scroll
 * without 100k rows ever crossing the bridge at once.
 */
export function usePagedCustomers(query: Query | null) {
  const first = useEngine('analytics.topCustomers', query && { ...query, offset: 0, limit: PAGE_SIZE }, { isBackground: true });
  const call = useEngineCall();
  const [pages, setPages] = useState<Map<number, CustomerRow[]>>(new Map());
  const [pageError, setPageError] = useState<AppError | null>(null);
  const inFlight = useRef(new Set<number>());
  const queryKey = JSON.stringify(query);

  const placeholderCache = useRef(new Map<number, CustomerRow>());
  useEffect(() => {
    setPages(new Map());
    inFlight.current = new Set();
  }, [queryKey, first.data]);

  const total = first.data?.total ?? 0;
  // Read by index, never materialised: a 100k-row array rebuilt on every page arrival (and 100k
  // placeholder objects on every mount) cost more than drawing the table.
  const rows = useMemo<PagedRows<CustomerRow>>(() => {
    const firstRows = first.data?.rows ?? [];
    return {
      count: first.data ? total : 0,
      at: (index) => {
        const page = Math.floor(index / PAGE_SIZE);
        const source = page === 0 ? firstRows : pages.get(page);
        return source?.[index - page * PAGE_SIZE] ?? cachedPlaceholder(placeholderCache.current, index);
      },
    };
  }, [first.data, pages, total]);

  const onRangeChange = useCallback(
    (start: number, end: number) => {
      if (!query || !first.data) return;
      for (let page = Math.floor(start / PAGE_SIZE); page <= Math.floor(end / PAGE_SIZE); page++) {
        if (page === 0 || pages.has(page) || inFlight.current.has(page)) continue;
        inFlight.current.add(page);
        const requested = queryKey;
        call('analytics.topCustomers', { ...query, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
          .then((result) => {
            if (requested === queryKey) setPages((m) => new Map(m).set(page, result.rows));
          })
          .catch((error: AppError) => setPageError(error))
          .finally(() => inFlight.current.delete(page));
      }
    },
    [query, queryKey, first.data, pages, call],
  );

  /** Every row, for CSV export: pages of 1000 (the engine's limit) fetched in turn. */
  const fetchAll = useCallback(async () => {
    if (!query) return [];
    const all: CustomerRow[] = [];
    for (let offset = 0; offset < total; offset += 1000) {
      const result = await call('analytics.topCustomers', { ...query, offset, limit: 1000 });
      all.push(...result.rows);
    }
    return all;
  }, [query, total, call]);

  return { first, rows, total, onRangeChange, fetchAll, pageError };
}

import { useDeferredValue, useMemo } from 'react';
import { useEngine } from '../../api/useEngine';
import { stringColumn } from '../../charts/options/columnar';

export type Suggestion = { kind: 'customer'; id: string; label: string; detail: string } | { kind: 'product'; id: string; label: string; detail: string };

const EMPTY_FILTERS = { region: [], category: [], channel: [], segment: [], compare: 'none' as const };

/**
 * Customers come from the engine's searchable top-customers view (name, e-mail or id); products
 * from the catalogue of best sellers (all time), matched here on name or SKU.
 */
export function useSuggestions(query: string): { suggestions: Suggestion[]; isLoading: boolean } {
  const q = useDeferredValue(query.trim());
  const customers = useEngine('analytics.topCustomers', q.length >= 2 ? { filters: EMPTY_FILTERS, search: q, limit: 6 } : null);
  const catalogue = useEngine('analytics.bestSellers', { filters: EMPTY_FILTERS, by: 'revenue', limit: 1000 });
  const suggestions = useMemo(() => {
    if (q.length < 2) return [];
    const needle = q.toLowerCase();
    const list: Suggestion[] = (customers.data?.rows ?? []).map((c) => ({ kind: 'customer', id: c.customerId, label: c.name ?? c.customerId, detail: c.email ?? c.customerId }));
    if (catalogue.data) {
      const skus = stringColumn(catalogue.data.series, 'sku');
      const names = stringColumn(catalogue.data.series, 'name');
      const categories = stringColumn(catalogue.data.series, 'category');
      skus.forEach((sku, i) => {
        if (list.filter((s) => s.kind === 'product').length >= 6) return;
        if (sku.toLowerCase().includes(needle) || (names[i] ?? '').toLowerCase().includes(needle)) list.push({ kind: 'product', id: sku, label: names[i] || sku, detail: `${sku} · ${categories[i] ?? ''}` });
      });
    }
    return list;
  }, [q, customers.data, catalogue.data]);
  return { suggestions, isLoading: q.length >= 2 && customers.isLoading };
}

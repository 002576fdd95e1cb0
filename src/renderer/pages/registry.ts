import { createElement, lazy, memo, type ComponentType } from 'react';
import type { Filters } from '../../shared/contract/analytics';
import type { EngineRequest } from '../api/engine-request';
import { customersPrefetch } from './customers/requests';
import { productsPrefetch } from './products/requests';
import { salesPrefetch } from './sales/requests';

type PageModule = { default: ComponentType };

export interface PageEntry {
  id: string;
  label: string;
  /** A single glyph keeps the sidebar light; labels carry the meaning. */
  icon: string;
  component: ComponentType;
  /** Fetches the page's code chunk ahead of the first visit. */
  preload(): Promise<void>;
  /** Analytics pages show the global filter bar; Data and Settings do not. */
  usesFilters: boolean;
  /** The charts' questions of a first visit, asked while the window is idle on another page. */
  prefetch?: (filtersFor: (chartId?: string) => Filters) => EngineRequest[];
}

/**
 * A page component that renders its code synchronously once the chunk is loaded. A bare
 * React.lazy suspends on its first render even when the chunk is already in the module map,
 * and React then holds the revealed page back for its fallback throttle (300 ms): that delay
 * was on every first visit of a page. Memo keeps a mounted page on the branch it started with,
 * so a chunk arriving later never swaps the element type under it (a remount and a refetch).
 */
function codeSplitPage(load: () => Promise<PageModule>): Pick<PageEntry, 'component' | 'preload'> {
  let loaded: ComponentType | null = null;
  const remember = (module: PageModule) => {
    loaded = module.default;
    return module;
  };
  const Lazy = lazy(() => load().then(remember));
  const Page = memo(function CodeSplitPage() {
    const Loaded = loaded;
    return createElement(Loaded ?? Lazy);
  });
  return { component: Page, preload: () => load().then(remember).then(() => undefined) };
}

/** Navigation order is also the Ctrl/Cmd+1…8 order. */
export const PAGES: readonly PageEntry[] = [
  { id: 'overview', label: 'Overview', icon: '◎', ...codeSplitPage(() => import('./overview/OverviewPage')), usesFilters: true },
  { id: 'sales', label: 'Sales', icon: '↗', ...codeSplitPage(() => import('./sales/SalesPage')), usesFilters: true, prefetch: salesPrefetch },
  { id: 'customers', label: 'Customers', icon: '☺', ...codeSplitPage(() => import('./customers/CustomersPage')), usesFilters: true, prefetch: customersPrefetch },
  { id: 'products', label: 'Products', icon: '▦', ...codeSplitPage(() => import('./products/ProductsPage')), usesFilters: true, prefetch: productsPrefetch },
  { id: 'recommendations', label: 'Recommendations', icon: '✦', ...codeSplitPage(() => import('./recommendations/RecommendationsPage')), usesFilters: false },
  { id: 'inventory', label: 'Inventory', icon: '▤', ...codeSplitPage(() => import('./inventory/InventoryPage')), usesFilters: true },
  { id: 'data', label: 'Data', icon: '⇅', ...codeSplitPage(() => import('./data/DataPage')), usesFilters: false },
  { id: 'settings', label: 'Settings', icon: '⚙', ...codeSplitPage(() => import('./settings/SettingsPage')), usesFilters: false },
];

export const DEFAULT_PAGE_ID = 'overview';

/**
 * Fetches every page's code once the first page is up, so a later page switch waits only for
 * its data, not for its chunk.
 */
export function preloadPages(): void {
  const load = () => PAGES.forEach((page) => void page.preload().catch(() => undefined));
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 500);
}

export function pageById(id: string): PageEntry {
  return PAGES.find((page) => page.id === id) ?? (PAGES[0] as PageEntry);
}

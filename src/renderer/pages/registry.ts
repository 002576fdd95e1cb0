import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface PageEntry {
  id: string;
  label: string;
  /** A single glyph keeps the sidebar light; labels carry the meaning. */
  icon: string;
  component: LazyExoticComponent<ComponentType>;
  /** Analytics pages show the global filter bar; Data and Settings do not. */
  usesFilters: boolean;
}

/** Navigation order is also the Ctrl/Cmd+1…8 order. */
export const PAGES: readonly PageEntry[] = [
  { id: 'overview', label: 'Overview', icon: '◎', component: lazy(() => import('./overview/OverviewPage')), usesFilters: true },
  { id: 'sales', label: 'Sales', icon: '↗', component: lazy(() => import('./sales/SalesPage')), usesFilters: true },
  { id: 'customers', label: 'Customers', icon: '☺', component: lazy(() => import('./customers/CustomersPage')), usesFilters: true },
  { id: 'products', label: 'Products', icon: '▦', component: lazy(() => import('./products/ProductsPage')), usesFilters: true },
  { id: 'recommendations', label: 'Recommendations', icon: '✦', component: lazy(() => import('./recommendations/RecommendationsPage')), usesFilters: false },
  { id: 'inventory', label: 'Inventory', icon: '▤', component: lazy(() => import('./inventory/InventoryPage')), usesFilters: true },
  { id: 'data', label: 'Data', icon: '⇅', component: lazy(() => import('./data/DataPage')), usesFilters: false },
  { id: 'settings', label: 'Settings', icon: '⚙', component: lazy(() => import('./settings/SettingsPage')), usesFilters: false },
];

export const DEFAULT_PAGE_ID = 'overview';

const PAGE_MODULES = [
  () => import('./overview/OverviewPage'),
  () => import('./sales/SalesPage'),
  () => import('./customers/CustomersPage'),
  () => import('./products/ProductsPage'),
  () => import('./recommendations/RecommendationsPage'),
  () => import('./inventory/InventoryPage'),
  () => import('./data/DataPage'),
  () => import('./settings/SettingsPage'),
];

/**
 * Fetches every page's code once the first page is up, so a later page switch waits only for
 * its data, not for its chunk. The browser's module map makes the lazy() imports reuse these.
 */
export function preloadPages(): void {
  const load = () => PAGE_MODULES.forEach((loadModule) => void loadModule().catch(() => undefined));
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 500);
}

export function pageById(id: string): PageEntry {
  return PAGES.find((page) => page.id === id) ?? (PAGES[0] as PageEntry);
}

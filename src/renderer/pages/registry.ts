import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface PageEntry {
  id: string;
  label: string;
  /** A single glyph keeps the sidebar light; labels carry the meaning. */
  icon: string;
  component: LazyExoticComponent<ComponentType>;
}

/** Navigation order is also the Ctrl/Cmd+1…8 order. */
export const PAGES: readonly PageEntry[] = [
  { id: 'overview', label: 'Overview', icon: '◎', component: lazy(() => import('./overview/OverviewPage')) },
  { id: 'sales', label: 'Sales', icon: '↗', component: lazy(() => import('./sales/SalesPage')) },
  { id: 'customers', label: 'Customers', icon: '☺', component: lazy(() => import('./customers/CustomersPage')) },
  { id: 'products', label: 'Products', icon: '▦', component: lazy(() => import('./products/ProductsPage')) },
  { id: 'recommendations', label: 'Recommendations', icon: '✦', component: lazy(() => import('./recommendations/RecommendationsPage')) },
  { id: 'inventory', label: 'Inventory', icon: '▤', component: lazy(() => import('./inventory/InventoryPage')) },
  { id: 'data', label: 'Data', icon: '⇅', component: lazy(() => import('./data/DataPage')) },
  { id: 'settings', label: 'Settings', icon: '⚙', component: lazy(() => import('./settings/SettingsPage')) },
];

export const DEFAULT_PAGE_ID = 'overview';

export function pageById(id: string): PageEntry {
  return PAGES.find((page) => page.id === id) ?? (PAGES[0] as PageEntry);
}

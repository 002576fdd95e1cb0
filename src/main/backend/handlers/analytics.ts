import type { analyticsContract } from '../../../shared/contract/analytics';
import * as analytics from '../analytics';
import type { HandlersFor } from './types';

/** Thin: every view is the engine function the CLI and the local API call too. */
export const analyticsHandlers = {
  'analytics.views': () => analytics.describeViews(),
  'analytics.filterOptions': (_args, backend) => analytics.filterOptions(backend.db),
  'analytics.overview': (args, backend) => analytics.overview(backend.db, args.filters),
  'analytics.revenueDaily': (args, backend) => analytics.revenueDaily(backend.db, args.filters),
  'analytics.revenueWeekly': (args, backend) => analytics.revenueWeekly(backend.db, args.filters, args.weekStart),
  'analytics.revenueMonthly': (args, backend) => analytics.revenueMonthly(backend.db, args.filters),
  'analytics.breakdown': (args, backend) => analytics.breakdown(backend.db, args.filters, args.dimension),
  'analytics.regionCategoryHeatmap': (args, backend) => analytics.regionCategoryHeatmap(backend.db, args.filters),
  'analytics.categoryMargin': (args, backend) => analytics.categoryMargin(backend.db, args.filters),
  'analytics.seasonality': (args, backend) => analytics.seasonality(backend.db, args.filters),
  'analytics.bestSellers': (args, backend) => analytics.bestSellers(backend.db, args.filters, args),
  'analytics.productRatings': (args, backend) => analytics.productRatings(backend.db, args.filters, args),
  'analytics.inventoryStatus': (args, backend) => analytics.inventoryStatus(backend.db, args.filters, args),
  'analytics.inventoryRisk': (args, backend) => analytics.inventoryRisk(backend.db, args.filters),
  'analytics.inventoryAlerts': (args, backend) => analytics.inventoryAlerts(backend.db, args.filters, args),
  'analytics.topCustomers': (args, backend) => analytics.topCustomers(backend.db, args.filters, args),
  'analytics.topCustomersByRegion': (args, backend) => analytics.topCustomersByRegion(backend.db, args.filters, args),
  'analytics.customerDetail': (args, backend) => analytics.customerDetail(backend.db, args.customerId),
  'analytics.productDetail': (args, backend) => analytics.productDetail(backend.db, args.sku),
  'analytics.rfm': (args, backend) => analytics.rfm(backend.db, args.filters, args),
  'analytics.ltvSegments': (args, backend) => analytics.ltvSegments(backend.db, args.filters, args),
  'analytics.cohortRetention': (args, backend) => analytics.cohortRetention(backend.db, args.filters, args),
  'analytics.cohortLtv': (args, backend) => analytics.cohortLtv(backend.db, args.filters, args),
} satisfies HandlersFor<typeof analyticsContract>;

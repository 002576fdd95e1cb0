import type { EChartsOption } from 'echarts';
import { aovOption } from './charts/aov-option';
import { inventoryAlertsOption } from './charts/inventory-option';
import { netRevenueOption } from './charts/net-revenue-option';
import { retentionOption } from './charts/retention-option';
import type { ChartSize } from './charts/render-chart';
import type { ReportData } from './report-data';

export type ChartId = 'net-revenue' | 'aov' | 'retention' | 'inventory-alerts';

export interface ReportChart {
  id: ChartId;
  title: string;
  size: ChartSize;
  /** null when there is nothing to draw; the memo then says why instead of showing empty axes. */
  option: EChartsOption | null;
  emptyNote: string;
}

export const CHART_SIZE: ChartSize = { width: 440, height: 220 };

function column<T>(table: { columns: string[]; rows: unknown[][] }, name: string, map: (v: unknown) => T): T[] {
  const at = table.columns.indexOf(name);
  return table.rows.map((row) => map(row[at]));
}

/** Chart options from report data: pure, so each is unit-tested without rendering. */
export function reportCharts(data: ReportData): ReportChart[] {
  const hasDaily = data.daily.rows.length > 0;
  const cohorts = data.retention.cohorts.slice(-6);
  const stock = {
    skus: column(data.stockAtRisk, 'sku', String),
    names: column(data.stockAtRisk, 'name', (v) => (v === null ? null : String(v))),
    available: column(data.stockAtRisk, 'available', Number),
    reorder: column(data.stockAtRisk, 'reorder_point', Number),
  };
  return [
    {
      id: 'net-revenue',
      title: 'Net sales over time',
      size: CHART_SIZE,
      emptyNote: 'No sales in this period.',
      option: hasDaily
        ? netRevenueOption({
            dates: column(data.daily, 'date', String),
            netSales: column(data.daily, 'net_sales', Number),
            movingAverage: column(data.daily, 'net_sales_ma7', Number),
            currency: data.currency,
          })
        : null,
    },
    {
      id: 'aov',
      title: 'Average order value',
      size: CHART_SIZE,
      emptyNote: 'No orders in this period.',
      option: data.aov.values.some((v) => v !== null)
        ? aovOption({ periods: data.aov.periods, aov: data.aov.values, bucket: data.aov.bucket, currency: data.currency })
        : null,
    },
    {
      id: 'retention',
      title: 'Retention curves',
      size: CHART_SIZE,
      emptyNote: 'No cohort has a month after its first one yet.',
      option: cohorts.length > 0 ? retentionOption({ offsets: data.retention.offsets, cohorts }) : null,
    },
    {
      id: 'inventory-alerts',
      title: 'Inventory alerts',
      size: CHART_SIZE,
      emptyNote: 'No SKU is below its reorder point.',
      option:
        stock.skus.length > 0
          ? inventoryAlertsOption(
              stock.skus.map((sku, i) => ({ sku, name: stock.names[i] ?? null, available: stock.available[i] ?? 0, reorderPoint: stock.reorder[i] ?? 0 })),
            )
          : null,
    },
  ];
}

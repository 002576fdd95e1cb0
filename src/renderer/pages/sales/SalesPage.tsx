import { useMemo, useState } from 'react';
import { useEngine } from '../../api/useEngine';
import { regionCategoryHeatmapOption, seasonalityOption } from '../../charts/options/heatmap';
import { categoryMarginOption } from '../../charts/options/products';
import { cumulativeDailyOption, periodRevenueOption, revenueTrendOption } from '../../charts/options/revenue';
import { ChartCard } from '../../components/ChartCard';
import { PageHeader } from '../../components/PageHeader';
import { useFilters } from '../../filters/FiltersContext';
import { useViewFilters } from '../../filters/useViewFilters';
import { useMoney, usePreferences } from '../../preferences/PreferencesContext';
import { ForecastPanel } from './ForecastPanel';
import { salesRequests } from './requests';

const GRAINS = [
  { id: 'daily', label: 'Daily' },
  { id: 'weekly', label: 'Weekly' },
  { id: 'monthly', label: 'Monthly' },
] as const;
type Grain = (typeof GRAINS)[number]['id'];

export default function SalesPage() {
  const filters = useViewFilters();
  const heatmapFilters = useViewFilters('sales-region-category');
  const { settings } = usePreferences();
  const [grain, setGrain] = useState<Grain>('monthly');
  const requests = filters && heatmapFilters && salesRequests(filters, heatmapFilters, settings.weekStart);
  const daily = useEngine('analytics.revenueDaily', requests && grain === 'daily' ? requests.daily.args : null);
  const weekly = useEngine('analytics.revenueWeekly', requests && grain === 'weekly' ? requests.weekly.args : null);
  const monthly = useEngine('analytics.revenueMonthly', requests && grain === 'monthly' ? requests.monthly.args : null);
  const heatmap = useEngine('analytics.regionCategoryHeatmap', requests?.heatmap.args ?? null);
  const seasonality = useEngine('analytics.seasonality', requests?.seasonality.args ?? null);
  const margin = useEngine('analytics.categoryMargin', requests?.margin.args ?? null);
  const { setCross } = useFilters();
  const revenue = grain === 'daily' ? daily : grain === 'weekly' ? weekly : monthly;
  const meta = revenue.data?.meta ?? heatmap.data?.meta;
  // Each chart formats with its own answer's currency, so one arriving late never redraws another.
  const money = useMoney(revenue.data?.meta.currency, true);
  const heatmapMoney = useMoney(heatmap.data?.meta.currency, true);

  const revenueOption = useMemo(() => {
    if (grain === 'daily') return daily.data ? revenueTrendOption(daily.data.series, money) : null;
    if (grain === 'weekly') return weekly.data ? periodRevenueOption(weekly.data.series, money, 'week') : null;
    return monthly.data ? periodRevenueOption(monthly.data.series, money) : null;
  }, [grain, daily.data, weekly.data, monthly.data, money]);
  const cumulativeOption = useMemo(() => (daily.data && grain === 'daily' ? cumulativeDailyOption(daily.data.series, money) : null), [daily.data, grain, money]);
  const heatmapOption = useMemo(
    () => (heatmap.data ? regionCategoryHeatmapOption(heatmap.data.regions, heatmap.data.categories, heatmap.data.cells, heatmapMoney) : null),
    [heatmap.data, heatmapMoney],
  );
  const seasonalityChart = useMemo(() => (seasonality.data ? seasonalityOption(seasonality.data.categories, seasonality.data.cells) : null), [seasonality.data]);
  const marginOption = useMemo(() => (margin.data ? categoryMarginOption(margin.data.series) : null), [margin.data]);

  // The two heatmaps sit side by side: one height for both, so the shorter card has no blank half.
  const pairHeight = Math.max(280, (heatmap.data?.regions.length ?? 0) * 34 + 110, (seasonality.data?.categories.length ?? 0) * 30 + 100);

  const grainSwitch = (
    <div className="segmented" role="radiogroup" aria-label="Revenue grain">
      {GRAINS.map((g) => (
        <button key={g.id} type="button" role="radio" aria-checked={grain === g.id} className={grain === g.id ? 'is-selected' : ''} onClick={() => setGrain(g.id)}>
          {g.label}
        </button>
      ))}
    </div>
  );
  const weekDay = settings.weekStart === 'monday' ? 'Monday' : 'Sunday';

  return (
    <div className="page" data-page="sales">
      <PageHeader title="Sales" meta={meta} />
      <ChartCard
        id="sales-revenue"
        title={grain === 'daily' ? 'Net sales by day' : grain === 'weekly' ? 'Sales by week' : 'Sales by month'}
        subtitle={
          grain === 'daily'
            ? 'With the 7-day average'
            : grain === 'weekly'
              ? `Gross and net by week (starting ${weekDay}, as set in Settings), cumulative net on the right axis`
              : 'Gross and net by month, cumulative net on the right axis'
        }
        metricId="net_sales"
        state={revenue}
        option={revenueOption}
        emptyReason={revenue.data?.meta.emptyReason}
        actions={grainSwitch}
        height={320}
      />
      {grain === 'daily' && (
        <ChartCard id="sales-cumulative" title="Cumulative net sales" metricId="net_sales_cumulative" state={daily} option={cumulativeOption} emptyReason={daily.data?.meta.emptyReason} height={220} />
      )}
      <ForecastPanel />
      <div className="grid-2">
        <ChartCard
          id="sales-region-category"
          title="Region × category"
          subtitle={
            heatmap.data?.topCategoryByRegion.length
              ? `Top: ${heatmap.data.topCategoryByRegion.map((t) => `${t.region} → ${t.category}`).slice(0, 4).join(', ')}${heatmap.data.topCategoryByRegion.length > 4 ? '…' : ''}`
              : 'Outlined cells are each region’s top category; click to filter'
          }
          metricId="line_net_sales"
          state={heatmap}
          option={heatmapOption}
          emptyReason={heatmap.data?.meta.emptyReason}
          onClick={(params) => {
            const data = params.data as { region?: string } | null;
            if (data?.region) setCross({ dimension: 'region', value: data.region, label: data.region, sourceChartId: 'sales-region-category' });
          }}
          height={pairHeight}
        />
        <ChartCard
          id="sales-seasonality"
          title="Seasonality"
          subtitle="Each category’s sales by month of year, as a share of its total"
          state={seasonality}
          option={seasonalityChart}
          emptyReason={seasonality.data?.meta.emptyReason}
          height={pairHeight}
        />
      </div>
      <ChartCard
        id="sales-category-margin"
        title="Margin rate by category and month"
        metricId="margin_rate"
        state={margin}
        option={marginOption}
        emptyReason={margin.data?.meta.emptyReason}
        height={300}
      />
    </div>
  );
}

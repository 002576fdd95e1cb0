import { useMemo, useState } from 'react';
import { useEngine } from '../../api/useEngine';
import { breakdownBarOption } from '../../charts/options/breakdown';
import { revenueTrendOption } from '../../charts/options/revenue';
import { ChartCard } from '../../components/ChartCard';
import { KpiTile } from '../../components/KpiTile';
import { PageHeader } from '../../components/PageHeader';
import { StateSwitch } from '../../components/StateViews';
import { useCrossFilterClick, useCrossFilterKey } from '../../filters/useCrossFilter';
import { useViewFilters } from '../../filters/useViewFilters';
import { useMoney, usePreferences } from '../../preferences/PreferencesContext';
import { TopCustomersPanel } from './TopCustomersPanel';

/** KPI order of the issue: gross, net, total sales, orders, AOV, customers, new vs returning, return rate. */
const KPI_ORDER = ['gross_sales', 'net_sales', 'total_sales', 'orders', 'aov', 'customers', 'new_customers', 'returning_customers', 'returning_customer_rate', 'return_rate_value'];

export default function OverviewPage() {
  const filters = useViewFilters();
  const categoryFilters = useViewFilters('overview-category');
  const channelFilters = useViewFilters('overview-channel');
  const overview = useEngine('analytics.overview', filters && { filters });
  const daily = useEngine('analytics.revenueDaily', filters && { filters });
  const byCategory = useEngine('analytics.breakdown', categoryFilters && { filters: categoryFilters, dimension: 'category' });
  const byChannel = useEngine('analytics.breakdown', channelFilters && { filters: channelFilters, dimension: 'channel' });
  const { currencyDisplay } = usePreferences();
  const meta = overview.data?.meta;
  // Each chart formats with its own answer's currency, so one arriving late never redraws another.
  const trendMoney = useMoney(daily.data?.meta.currency, true);
  const categoryMoney = useMoney(byCategory.data?.meta.currency, true);
  const channelMoney = useMoney(byChannel.data?.meta.currency, true);

  const [isShowingAll, setIsShowingAll] = useState(false);
  const kpis = useMemo(() => {
    const list = [...(overview.data?.kpis ?? [])].sort((a, b) => rank(a.metricId) - rank(b.metricId));
    return isShowingAll ? list : list.filter((k) => KPI_ORDER.includes(k.metricId));
  }, [overview.data, isShowingAll]);
  const hiddenCount = (overview.data?.kpis.length ?? 0) - kpis.length;

  const trendOption = useMemo(() => (daily.data ? revenueTrendOption(daily.data.series, trendMoney) : null), [daily.data, trendMoney]);
  const selectedCategory = useCrossFilterKey('category');
  const selectedChannel = useCrossFilterKey('channel');
  const categoryOption = useMemo(() => (byCategory.data ? breakdownBarOption(byCategory.data.series, categoryMoney, selectedCategory) : null), [byCategory.data, categoryMoney, selectedCategory]);
  const channelOption = useMemo(() => (byChannel.data ? breakdownBarOption(byChannel.data.series, channelMoney, selectedChannel) : null), [byChannel.data, channelMoney, selectedChannel]);
  const onCategoryClick = useCrossFilterClick('category', 'overview-category');
  const onChannelClick = useCrossFilterClick('channel', 'overview-channel');

  return (
    <div className="page" data-page="overview">
      <PageHeader title="Overview" meta={meta} />
      <section aria-label="Key figures">
        <StateSwitch state={overview} hasData={overview.data !== undefined} emptyReason={meta?.emptyReason} height={110}>
          {() => (
            <div className="kpi-grid">
              {kpis.map((kpi) => (
                <KpiTile key={kpi.metricId} kpi={kpi} currency={meta?.currency ?? null} display={currencyDisplay} hasComparison={meta?.previousRange != null} />
              ))}
              {(hiddenCount > 0 || isShowingAll) && (
                <button type="button" className="kpi-tile more-tile" onClick={() => setIsShowingAll((v) => !v)} aria-expanded={isShowingAll}>
                  {isShowingAll ? 'Show fewer figures' : `Show ${hiddenCount} more figures`}
                </button>
              )}
            </div>
          )}
        </StateSwitch>
      </section>
      <ChartCard
        id="overview-revenue-trend"
        title="Net sales by day"
        subtitle="With the 7-day average"
        metricId="net_sales"
        state={daily}
        option={trendOption}
        emptyReason={daily.data?.meta.emptyReason}
        height={300}
      />
      <div className="grid-2">
        <ChartCard
          id="overview-category"
          title="Net sales by category"
          subtitle="Click a bar to filter the page"
          metricId="line_net_sales"
          state={byCategory}
          option={categoryOption}
          emptyReason={byCategory.data?.meta.emptyReason}
          onClick={onCategoryClick}
          height={Math.max(220, (byCategory.data?.series.rows.length ?? 0) * 28)}
        />
        <ChartCard
          id="overview-channel"
          title="Net sales by channel"
          subtitle="Click a bar to filter the page"
          metricId="line_net_sales"
          state={byChannel}
          option={channelOption}
          emptyReason={byChannel.data?.meta.emptyReason}
          onClick={onChannelClick}
          height={Math.max(220, (byChannel.data?.series.rows.length ?? 0) * 28)}
        />
      </div>
      <TopCustomersPanel filters={filters} />
    </div>
  );
}

function rank(metricId: string): number {
  const index = KPI_ORDER.indexOf(metricId);
  return index < 0 ? KPI_ORDER.length : index;
}

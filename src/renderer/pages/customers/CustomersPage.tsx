import { useMemo } from 'react';
import { useEngine } from '../../api/useEngine';
import { cohortHeatmapOption } from '../../charts/options/heatmap';
import { cohortLtvOption, ltvTiersOption, rfmCustomerAt, rfmScatterOption, rfmSegmentsOption, survivalOption } from '../../charts/options/customers';
import { ChartCard } from '../../components/ChartCard';
import { PageHeader } from '../../components/PageHeader';
import { useDrawers } from '../../drawers/DrawerContext';
import { useViewFilters } from '../../filters/useViewFilters';
import { useMoney } from '../../preferences/PreferencesContext';
import { PredictiveClvPanel } from './PredictiveClvPanel';
import { customersRequests } from './requests';
import { TopCustomersTable } from './TopCustomersTable';

export default function CustomersPage() {
  const filters = useViewFilters();
  const requests = filters && customersRequests(filters);
  const rfm = useEngine('analytics.rfm', requests?.rfm.args ?? null);
  const tiers = useEngine('analytics.ltvSegments', requests?.tiers.args ?? null);
  const cohorts = useEngine('analytics.cohortRetention', requests?.cohorts.args ?? null);
  const cohortLtv = useEngine('analytics.cohortLtv', requests?.cohortLtv.args ?? null);
  const meta = rfm.data?.meta;
  const money = useMoney(meta?.currency, true);
  // Each chart formats with its own answer's currency, so one arriving late never redraws another.
  const tierMoney = useMoney(tiers.data?.meta.currency, true);
  const cohortLtvMoney = useMoney(cohortLtv.data?.meta.currency, true);
  const { openCustomer } = useDrawers();

  const scatter = useMemo(() => (rfm.data ? rfmScatterOption(rfm.data.customers, money) : null), [rfm.data, money]);
  const segments = useMemo(() => (rfm.data ? rfmSegmentsOption(rfm.data.segments, money) : null), [rfm.data, money]);
  const tierOption = useMemo(() => (tiers.data ? ltvTiersOption(tiers.data.tiers, tierMoney) : null), [tiers.data, tierMoney]);
  const cohortOption = useMemo(() => (cohorts.data ? cohortHeatmapOption(cohorts.data) : null), [cohorts.data]);
  const survival = useMemo(() => (cohorts.data ? survivalOption(cohorts.data.survival) : null), [cohorts.data]);
  const ltvOption = useMemo(() => (cohortLtv.data ? cohortLtvOption(cohortLtv.data.series, cohortLtvMoney) : null), [cohortLtv.data, cohortLtvMoney]);

  return (
    <div className="page" data-page="customers">
      <PageHeader title="Customers" meta={meta} />
      <TopCustomersTable />
      <div className="grid-2">
        <ChartCard
          id="customers-rfm-scatter"
          title="RFM: recency vs spend"
          subtitle={rfm.data ? `${rfm.data.customers.rows.length} of ${rfm.data.totalCustomers} customers, as of ${rfm.data.asOf ?? '—'}; point size: orders (1, 2–4, 5+); click a point to open the customer` : undefined}
          metricId="monetary"
          state={rfm}
          option={scatter}
          emptyReason={meta?.emptyReason}
          onClick={(params) => {
            const customerId = scatter && rfmCustomerAt(scatter, params.seriesIndex ?? -1, params.dataIndex);
            if (customerId) openCustomer(customerId);
          }}
          height={360}
        />
        <ChartCard id="customers-rfm-segments" title="RFM segments" metricId="recency_days" state={rfm} option={segments} emptyReason={meta?.emptyReason} height={360} />
      </div>
      <div className="grid-2">
        <ChartCard
          id="customers-ltv-tiers"
          title="LTV tiers"
          subtitle={tiers.data ? (tiers.data.thresholdSource === 'quantiles' ? 'Thresholds at the 50th/80th/95th revenue percentiles' : 'Custom thresholds') : undefined}
          metricId="clv_historical"
          state={tiers}
          option={tierOption}
          emptyReason={tiers.data?.meta.emptyReason}
          height={280}
        />
        <ChartCard
          id="customers-survival"
          title="Survival"
          subtitle="Share of customers still ordering N months after their first order"
          metricId="cohort_retention"
          state={cohorts}
          option={survival}
          emptyReason={cohorts.data?.meta.emptyReason}
          height={280}
        />
      </div>
      <ChartCard
        id="customers-cohort-retention"
        title="Cohort retention"
        subtitle="% of each cohort ordering N months after its first order; grey dashed cells (…) are months not over yet"
        metricId="cohort_retention"
        state={cohorts}
        option={cohortOption}
        emptyReason={cohorts.data?.meta.emptyReason}
        height={Math.max(260, (cohorts.data?.cohorts.length ?? 0) * 26 + 90)}
      />
      <ChartCard
        id="customers-cohort-ltv"
        title="LTV by cohort at 7, 30 and 90 days"
        subtitle="Faded bars: windows still running past the data"
        metricId="cohort_ltv"
        state={cohortLtv}
        option={ltvOption}
        emptyReason={cohortLtv.data?.meta.emptyReason}
        height={300}
      />
      <PredictiveClvPanel />
    </div>
  );
}

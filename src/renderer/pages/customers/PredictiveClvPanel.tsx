import { useMemo } from 'react';
import type { CustomerClvDto, SegmentDto } from '../../../shared/contract/models';
import { useEngine } from '../../api/useEngine';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { ModelGate } from '../../components/ModelGate';
import { CustomerLink } from '../../drawers/DrawerContext';
import { formatCount, formatPercent } from '../../lib/format';
import { useMoney } from '../../preferences/PreferencesContext';

function ClvBody() {
  const summary = useEngine('models.clvSummary', {});
  const s = summary.data;
  const money = useMoney(s?.currency);
  const columns = useMemo<TableColumn<CustomerClvDto>[]>(
    () => [
      { id: 'customer', header: 'Customer', width: 160, grows: true, cell: (c) => <CustomerLink customerId={c.customerId} label={c.name} />, value: (c) => c.name ?? c.customerId },
      { id: 'pAlive', header: 'P(alive)', width: 90, align: 'right', cell: (c) => formatPercent(c.pAlive), value: (c) => c.pAlive },
      { id: 'expectedPurchases', header: 'Exp. purchases', width: 132, align: 'right', cell: (c) => c.expectedPurchases.toFixed(2), value: (c) => c.expectedPurchases },
      { id: 'historicalRevenue', header: 'Historical', width: 110, align: 'right', cell: (c) => money(c.historicalRevenue), value: (c) => c.historicalRevenue },
      { id: 'clv', header: 'Predicted CLV', width: 120, align: 'right', cell: (c) => money(c.clv), value: (c) => c.clv },
    ],
    [money],
  );
  if (!s) return <p className="muted">{summary.error?.message ?? 'No CLV summary in the latest run.'}</p>;
  const h = s.holdout;
  return (
    <>
      <div className="kpi-row small-tiles">
        <div className="kpi-tile">
          <div className="kpi-label">Predicted CLV, next {s.horizon} {s.timeUnit}</div>
          <div className="kpi-value">{money(s.predictedClv)}</div>
        </div>
        <div className="kpi-tile">
          <div className="kpi-label">Mean P(alive)</div>
          <div className="kpi-value">{formatPercent(s.meanPAlive)}</div>
        </div>
        <div className="kpi-tile">
          <div className="kpi-label">Customers modelled</div>
          <div className="kpi-value">{formatCount(s.customers)}</div>
        </div>
      </div>
      <p className="muted small" data-testid="clv-holdout">
        Holdout ({h.customers} customers after {s.calibrationEnd}): model MAE {money(h.model.mae)}, aggregate error {formatPercent(h.model.aggregateError)}; {h.baselineLabel} MAE {money(h.baseline.mae)},
        aggregate error {formatPercent(h.baseline.aggregateError)}.
      </p>
      <DataTable id="clv-top-customers" title="Highest predicted CLV" columns={columns} rows={s.topCustomers} height={300} />
    </>
  );
}

function SegmentsBody() {
  const segments = useEngine('models.segments', {});
  const s = segments.data;
  const money = useMoney(s?.currency);
  const columns = useMemo<TableColumn<SegmentDto>[]>(
    () => [
      { id: 'name', header: 'Cluster', width: 180, grows: true, cell: (c) => <strong>{c.name}</strong>, value: (c) => c.name },
      { id: 'size', header: 'Customers', width: 100, align: 'right', cell: (c) => formatCount(c.size), value: (c) => c.size },
      { id: 'customerShare', header: 'Share of customers', width: 172, align: 'right', cell: (c) => formatPercent(c.customerShare), value: (c) => c.customerShare },
      { id: 'revenueShare', header: 'Share of revenue', width: 142, align: 'right', cell: (c) => formatPercent(c.revenueShare), value: (c) => c.revenueShare },
      { id: 'recency', header: 'Recency', width: 90, align: 'right', cell: (c) => `${c.meanRecencyDays.toFixed(0)} d`, value: (c) => c.meanRecencyDays },
      { id: 'frequency', header: 'Orders', width: 80, align: 'right', cell: (c) => c.meanFrequency.toFixed(1), value: (c) => c.meanFrequency },
      { id: 'monetary', header: 'Spend', width: 110, align: 'right', cell: (c) => money(c.meanMonetary), value: (c) => c.meanMonetary },
    ],
    [money],
  );
  if (!s) return <p className="muted">{segments.error?.message ?? 'No clusters in the latest run.'}</p>;
  return (
    <>
      <p className="muted small">
        k-means on log RFM, k = {s.k} chosen by silhouette ({s.silhouettes.map((x) => `k=${x.k}: ${x.silhouette.toFixed(2)}`).join(', ')}), as of {s.referenceDate}.
      </p>
      <DataTable id="customer-clusters" title="Customer clusters" columns={columns} rows={s.segments} height={260} />
    </>
  );
}

/**
 * Predictive CLV with P(alive) and holdout accuracy, and k-means clusters with their names. Each
 * takes the page's width: side by side, their five- and seven-column tables scrolled sideways.
 */
export function PredictiveClvPanel() {
  return (
    <>
      <section className="panel" aria-label="Predictive CLV">
        <h2>Predictive CLV (BG/NBD + Gamma-Gamma)</h2>
        <ModelGate model="clv">{() => <ClvBody />}</ModelGate>
      </section>
      <section className="panel" aria-label="Customer clusters">
        <h2>Customer clusters</h2>
        <ModelGate model="segments">{() => <SegmentsBody />}</ModelGate>
      </section>
    </>
  );
}

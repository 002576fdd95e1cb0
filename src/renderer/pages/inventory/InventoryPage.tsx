import { useMemo, useState } from 'react';
import { useEngine } from '../../api/useEngine';
import { rowObjects } from '../../charts/options/columnar';
import { inventoryRiskOption } from '../../charts/options/inventory';
import { ChartCard } from '../../components/ChartCard';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { MetricInfo } from '../../components/MetricInfo';
import { PageHeader } from '../../components/PageHeader';
import { StateSwitch } from '../../components/StateViews';
import { ProductLink, useDrawers } from '../../drawers/DrawerContext';
import { useViewFilters } from '../../filters/useViewFilters';
import { formatCount } from '../../lib/format';

type Row = ReturnType<typeof rowObjects>[number];

const num = (v: unknown) => (typeof v === 'number' ? v : v === null || v === undefined ? null : Number(v));

export default function InventoryPage() {
  const filters = useViewFilters();
  const [isOnlyAtRisk, setIsOnlyAtRisk] = useState(true);
  const [alertStatus, setAlertStatus] = useState<'open' | 'all'>('all');
  const status = useEngine('analytics.inventoryStatus', filters && { filters, onlyAtRisk: isOnlyAtRisk, limit: 5000 });
  const alerts = useEngine('analytics.inventoryAlerts', filters && { filters, status: alertStatus, limit: 2000 });
  const risk = useEngine('analytics.inventoryRisk', filters && { filters });
  const riskOption = useMemo(() => (risk.data && risk.data.series.rows.length > 0 ? inventoryRiskOption(risk.data.series) : null), [risk.data]);
  const { openProduct } = useDrawers();
  const items = useMemo(() => (status.data ? rowObjects(status.data.items) : []), [status.data]);
  const alertRows = useMemo(() => (alerts.data ? rowObjects(alerts.data.alerts) : []), [alerts.data]);

  const itemColumns = useMemo<TableColumn<Row>[]>(
    () => [
      { id: 'sku', header: 'SKU', width: 100, cell: (r) => <ProductLink sku={String(r.sku)} />, value: (r) => r.sku },
      { id: 'name', header: 'Product', width: 130, grows: true, cell: (r) => String(r.name ?? ''), value: (r) => r.name },
      { id: 'category', header: 'Category', width: 140, cell: (r) => String(r.category ?? '—'), value: (r) => r.category },
      { id: 'on_hand', header: 'On hand', align: 'right', width: 84, cell: (r) => formatCount(num(r.on_hand)), value: (r) => r.on_hand },
      { id: 'allocated', header: 'Allocated', align: 'right', width: 90, cell: (r) => formatCount(num(r.allocated)), value: (r) => r.allocated },
      { id: 'available', header: 'Available', align: 'right', width: 90, cell: (r) => formatCount(num(r.available)), value: (r) => r.available },
      { id: 'reorder_point', header: 'Reorder pt', align: 'right', width: 100, cell: (r) => formatCount(num(r.reorder_point)), value: (r) => r.reorder_point },
      {
        id: 'days_of_cover',
        header: 'Days of cover',
        align: 'right',
        width: 144,
        metricId: 'days_of_cover',
        cell: (r) => (num(r.days_of_cover) === null ? <span className="muted">no recent sales</span> : `${(num(r.days_of_cover) ?? 0).toFixed(1)} d`),
        value: (r) => r.days_of_cover,
      },
      { id: 'is_at_risk', header: 'Status', width: 88, cell: (r) => (r.is_at_risk ? <span className="badge bad">at risk</span> : <span className="badge good">ok</span>), value: (r) => (r.is_at_risk ? 'at risk' : 'ok') },
    ],
    [],
  );
  const alertColumns = useMemo<TableColumn<Row>[]>(
    () => [
      { id: 'raised_date', header: 'Raised', width: 108, cell: (r) => String(r.raised_date), value: (r) => r.raised_date },
      { id: 'sku', header: 'SKU', width: 100, cell: (r) => <ProductLink sku={String(r.sku)} />, value: (r) => r.sku },
      { id: 'name', header: 'Product', width: 130, grows: true, cell: (r) => String(r.name ?? ''), value: (r) => r.name },
      { id: 'on_hand', header: 'On hand', align: 'right', width: 80, cell: (r) => formatCount(num(r.on_hand)), value: (r) => r.on_hand },
      { id: 'allocated', header: 'Allocated', align: 'right', width: 90, cell: (r) => formatCount(num(r.allocated)), value: (r) => r.allocated },
      { id: 'reorder_point', header: 'Reorder pt', align: 'right', width: 100, cell: (r) => formatCount(num(r.reorder_point)), value: (r) => r.reorder_point },
      { id: 'status', header: 'Status', width: 96, cell: (r) => <span className={`badge ${r.status === 'open' ? 'bad' : 'good'}`}>{String(r.status)}</span>, value: (r) => r.status },
      { id: 'resolved_date', header: 'Resolved', width: 108, cell: (r) => String(r.resolved_date ?? '—'), value: (r) => r.resolved_date },
      { id: 'days_open', header: 'Days open', align: 'right', width: 96, cell: (r) => formatCount(num(r.days_open)), value: (r) => r.days_open },
    ],
    [],
  );

  return (
    <div className="page" data-page="inventory">
      <PageHeader title="Inventory" meta={status.data?.meta} />
      <div className="kpi-grid narrow">
        <div className="kpi-tile" role="group" aria-label="SKUs at risk">
          <div className="kpi-label">
            SKUs at risk now <MetricInfo metricId="at_risk_skus" />
          </div>
          <div className="kpi-value" data-testid="kpi-at_risk_skus">
            {status.data ? formatCount(status.data.atRiskCount) : '…'}
          </div>
          <div className="muted small">{status.data?.asOf ? `stock as of ${status.data.asOf}` : ''}</div>
        </div>
        <div className="kpi-tile" role="group" aria-label="Open alerts">
          <div className="kpi-label">Open alerts</div>
          <div className="kpi-value">{alerts.data ? formatCount(alerts.data.openCount) : '…'}</div>
        </div>
      </div>
      <ChartCard
        id="inventory-risk"
        title="SKUs at risk by day"
        subtitle="With the alerts raised and resolved each day"
        metricId="at_risk_skus"
        state={risk}
        option={riskOption}
        emptyReason={risk.data?.meta.emptyReason}
        height={260}
      />
      <section className="panel" aria-label="Stock status">
        <h2>{isOnlyAtRisk ? 'At-risk SKUs' : 'All SKUs'}</h2>
        <StateSwitch state={status} hasData={status.data !== undefined} emptyReason={status.data?.meta.emptyReason} height={240}>
          {() => (
            <>
              <DataTable<Row>
                id="inventory-status"
                title={isOnlyAtRisk ? 'At-risk SKUs' : 'Stock status'}
                columns={itemColumns}
                rows={items}
                onRowClick={(r) => openProduct(String(r.sku))}
                height={400}
                toolbar={
                  <label className="check">
                    <input type="checkbox" checked={isOnlyAtRisk} onChange={(e) => setIsOnlyAtRisk(e.target.checked)} /> Only at risk
                  </label>
                }
              />
              {items.length === 0 && <p className="muted">{isOnlyAtRisk ? 'No SKU is below its reorder point. Untick “Only at risk” to see all stock.' : 'No inventory records yet: import inventory movements.'}</p>}
            </>
          )}
        </StateSwitch>
      </section>
      <section className="panel" aria-label="Alert history">
        <h2>Alert history</h2>
        <StateSwitch state={alerts} hasData={alerts.data !== undefined} emptyReason={alerts.data?.meta.emptyReason} height={200}>
          {() => (
            <>
              <DataTable<Row>
                id="inventory-alerts"
                title="Stock alerts"
                columns={alertColumns}
                rows={alertRows}
                height={360}
                toolbar={
                  <select aria-label="Alert status" value={alertStatus} onChange={(e) => setAlertStatus(e.target.value === 'open' ? 'open' : 'all')}>
                    <option value="all">All alerts</option>
                    <option value="open">Open only</option>
                  </select>
                }
              />
              {alertRows.length === 0 && <p className="muted">No stock alerts in this range.</p>}
            </>
          )}
        </StateSwitch>
      </section>
    </div>
  );
}

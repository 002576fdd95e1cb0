import type { CustomerDetail } from '../../shared/contract/analytics';
import { useEngine } from '../api/useEngine';
import { DataTable, type TableColumn } from '../components/DataTable';
import { Drawer } from '../components/Drawer';
import { StateSwitch } from '../components/StateViews';
import { formatMoney } from '../lib/format';
import { usePreferences } from '../preferences/PreferencesContext';
import { ProductLink } from './DrawerContext';
import { CustomerModelsSection } from './CustomerModelsSection';

type Order = CustomerDetail['orders'][number];
type Return = CustomerDetail['returns'][number];

/** The refund rule as a phrase: within_30_days → "within 30 days". */
const ruleText = (rule: string) => rule.replaceAll('_', ' ');

function returnColumns(display: 'symbol' | 'code'): TableColumn<Return>[] {
  return [
    { id: 'date', header: 'Returned', cell: (r) => r.returnDate, value: (r) => r.returnDate, width: 104 },
    { id: 'product', header: 'Product', cell: (r) => <ProductLink sku={r.sku} label={r.name} />, value: (r) => r.name ?? r.sku, width: 150, grows: true },
    { id: 'quantity', header: 'Qty', align: 'right', cell: (r) => r.quantity, value: (r) => r.quantity, width: 52 },
    { id: 'refund', header: 'Refund', align: 'right', cell: (r) => formatMoney(r.refund, r.currency, display), value: (r) => r.refund, width: 96 },
    {
      id: 'why',
      header: 'Reason · rule',
      cell: (r) => (
        <span className="stacked-cell">
          <span>{r.reason ?? '—'}</span>
          <span className="muted small">{ruleText(r.refundRule)}</span>
        </span>
      ),
      value: (r) => `${r.reason ?? ''}; ${r.refundRule}`,
      width: 180,
    },
  ];
}

function orderColumns(display: 'symbol' | 'code'): TableColumn<Order>[] {
  const money = (o: Order, v: number) => formatMoney(v, o.currency, display);
  return [
    { id: 'date', header: 'Date', cell: (o) => o.orderDate, value: (o) => o.orderDate, width: 108 },
    { id: 'order', header: 'Order', cell: (o) => o.orderId, value: (o) => o.orderId, width: 110 },
    { id: 'status', header: 'Status', cell: (o) => (o.isCounted ? o.status : <span className="muted">{o.status} (not counted)</span>), value: (o) => o.status, width: 110 },
    { id: 'lines', header: 'Items', cell: (o) => o.lines.map((l) => `${l.quantity}× ${l.name ?? l.sku}`).join(', '), value: (o) => o.lines.map((l) => `${l.quantity}x ${l.sku}`).join('; '), width: 160, grows: true },
    { id: 'net', header: 'Net', align: 'right', cell: (o) => money(o, o.net), value: (o) => o.net, width: 100, metricId: 'net_sales' },
    { id: 'refunds', header: 'Refunds', align: 'right', cell: (o) => (o.refunds ? money(o, o.refunds) : '—'), value: (o) => o.refunds, width: 90 },
  ];
}

export default function CustomerDrawer({ customerId, onClose }: { customerId: string; onClose(): void }) {
  const detail = useEngine('analytics.customerDetail', { customerId });
  const { currencyDisplay } = usePreferences();
  const d = detail.data;
  return (
    <Drawer title={d?.name ? `${d.name}` : `Customer ${customerId}`} onClose={onClose}>
      <StateSwitch state={detail} hasData={d !== undefined}>
        {() =>
          d && (
            <>
              <dl className="facts compact" aria-label="Profile">
                <dt>Customer id</dt>
                <dd>{d.customerId}</dd>
                <dt>E-mail</dt>
                <dd>{d.email ?? '—'}</dd>
                <dt>Location</dt>
                <dd>{[d.city, d.region, d.country].filter(Boolean).join(', ') || '—'}</dd>
                <dt>Segment</dt>
                <dd>{d.segment ?? '—'}</dd>
                <dt>Signed up</dt>
                <dd>{d.signupDate ?? '—'}</dd>
                <dt>First / last order</dt>
                <dd>
                  {d.firstOrder ?? '—'} / {d.lastOrder ?? '—'}
                </dd>
              </dl>
              <div className="kpi-row small-tiles">
                {d.totals.map((t) => (
                  <div className="kpi-tile" key={t.currency}>
                    <div className="kpi-label">Lifetime net ({t.currency})</div>
                    <div className="kpi-value">{formatMoney(t.netRevenue, t.currency, currencyDisplay)}</div>
                    <div className="muted small">
                      {t.orders} orders · {formatMoney(t.refunds, t.currency, currencyDisplay)} refunded
                    </div>
                  </div>
                ))}
              </div>
              <CustomerModelsSection customerId={d.customerId} />
              <h3>Orders</h3>
              <DataTable id="customer-orders" title={`Orders of ${d.name ?? d.customerId}`} columns={orderColumns(currencyDisplay)} rows={d.orders} height={280} />
              <h3>Returns</h3>
              {d.returns.length === 0 ? (
                <p className="muted">No returns.</p>
              ) : (
                <DataTable id="customer-returns" title={`Returns of ${d.name ?? d.customerId}`} columns={returnColumns(currencyDisplay)} rows={d.returns} height={220} />
              )}
              {d.reviews.length > 0 && (
                <>
                  <h3>Reviews</h3>
                  <ul className="plain-list">
                    {d.reviews.map((r) => (
                      <li key={r.reviewId}>
                        {'★'.repeat(r.rating)}
                        {'☆'.repeat(5 - r.rating)} <ProductLink sku={r.sku} label={r.name} /> {r.reviewDate}
                        {r.body ? ` — ${r.body}` : ''}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )
        }
      </StateSwitch>
    </Drawer>
  );
}

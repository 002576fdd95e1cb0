import type { CustomerRow } from '../../../shared/contract/analytics';
import type { TableColumn } from '../../components/DataTable';
import { formatCount } from '../../lib/format';

/** The customer table's columns, shared by Overview's top 10 and the Customers page. */
export function customerColumns(money: (v: number | null) => string): TableColumn<CustomerRow>[] {
  return [
    { id: 'rank', header: '#', cell: (r) => r.rank, value: (r) => r.rank, width: 48, align: 'right', isSortable: false },
    {
      id: 'name',
      header: 'Customer',
      cell: (r) => (
        <span className="stacked-cell">
          <span>{r.name ?? r.customerId}</span>
          {r.email && <span className="muted small">{r.email}</span>}
        </span>
      ),
      value: (r) => r.name ?? r.customerId,
      width: 150,
      // The name takes the slack; in a narrow window the table scrolls rather than cut dates.
      grows: true,
    },
    { id: 'region', header: 'Region', cell: (r) => r.region ?? '—', value: (r) => r.region, width: 92, isSortable: false },
    { id: 'segment', header: 'Segment', cell: (r) => r.segment ?? '—', value: (r) => r.segment, width: 90, isSortable: false },
    { id: 'orders', header: 'Orders', align: 'right', cell: (r) => formatCount(r.orders), value: (r) => r.orders, width: 90, metricId: 'orders' },
    { id: 'net_revenue', header: 'Net revenue', align: 'right', cell: (r) => money(r.netRevenue), value: (r) => r.netRevenue, width: 148, metricId: 'net_sales' },
    { id: 'first_order', header: 'First order', cell: (r) => r.firstOrder ?? '—', value: (r) => r.firstOrder, width: 106 },
    { id: 'last_order', header: 'Last order', cell: (r) => r.lastOrder ?? '—', value: (r) => r.lastOrder, width: 106 },
    { id: 'clv', header: 'Hist. CLV', align: 'right', cell: (r) => money(r.clv), value: (r) => r.clv, width: 110, metricId: 'clv_historical' },
  ];
}

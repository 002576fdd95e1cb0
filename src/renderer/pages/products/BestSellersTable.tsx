import { useMemo } from 'react';
import type { Filters } from '../../../shared/contract/analytics';
import { useEngine } from '../../api/useEngine';
import { rowObjects } from '../../charts/options/columnar';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { StateSwitch } from '../../components/StateViews';
import { useDrawers } from '../../drawers/DrawerContext';
import { formatCount } from '../../lib/format';
import { useMoney } from '../../preferences/PreferencesContext';

type Row = ReturnType<typeof rowObjects>[number];

/** Every product's sales in the period, ranked; sortable, exportable, opens the product drawer. */
export function BestSellersTable({ filters }: { filters: Filters | null }) {
  const best = useEngine('analytics.bestSellers', filters && { filters, by: 'revenue', limit: 1000 }, { isBackground: true });
  const money = useMoney(best.data?.meta.currency);
  const { openProduct } = useDrawers();
  const rows = useMemo(() => (best.data ? rowObjects(best.data.series) : []), [best.data]);
  const columns = useMemo<TableColumn<Row>[]>(
    () => [
      { id: 'rank', header: '#', align: 'right', width: 50, cell: (r) => String(r.rank), value: (r) => r.rank },
      { id: 'sku', header: 'SKU', width: 110, cell: (r) => String(r.sku), value: (r) => r.sku },
      { id: 'name', header: 'Product', width: 144, grows: true, cell: (r) => String(r.name ?? r.sku), value: (r) => r.name },
      { id: 'category', header: 'Category', width: 140, cell: (r) => String(r.category ?? '—'), value: (r) => r.category },
      { id: 'units', header: 'Units', align: 'right', width: 80, cell: (r) => formatCount(Number(r.units)), value: (r) => r.units, metricId: 'units' },
      { id: 'orders', header: 'Orders', align: 'right', width: 86, cell: (r) => formatCount(Number(r.orders)), value: (r) => r.orders, metricId: 'orders' },
      { id: 'net_sales', header: 'Net sales', align: 'right', width: 120, cell: (r) => money(Number(r.net_sales)), value: (r) => r.net_sales, metricId: 'line_net_sales' },
    ],
    [money],
  );
  return (
    <section className="panel" aria-label="All products by sales">
      <h2>Products by net sales</h2>
      <StateSwitch state={best} hasData={best.data !== undefined} emptyReason={best.data?.meta.emptyReason} height={200}>
        {() => (
          <DataTable<Row>
            id="products-table"
            title="Products by net sales"
            columns={columns}
            rows={rows}
            onRowClick={(r) => openProduct(String(r.sku))}
            rowLabel={(r) => `Open ${String(r.name ?? r.sku)}`}
            height={380}
          />
        )}
      </StateSwitch>
    </section>
  );
}

import { useMemo } from 'react';
import { useEngine } from '../api/useEngine';
import { EChart } from '../charts/EChart';
import { priceHistoryOption, stockHistoryOption } from '../charts/options/products';
import { Drawer } from '../components/Drawer';
import { StateSwitch } from '../components/StateViews';
import { useFilters } from '../filters/FiltersContext';
import { formatMoney } from '../lib/format';
import { usePreferences } from '../preferences/PreferencesContext';
import { ProductModelsSection } from './ProductModelsSection';

/** "2024-01-01T00:00:00Z" reads "2024-01-01"; a version that began mid-day keeps its time. */
const instantText = (instant: string): string => instant.replace(/T00:00:00(\.000)?Z$/, '').replace('T', ' ').replace(/Z$/, ' UTC');

export default function ProductDrawer({ sku, onClose }: { sku: string; onClose(): void }) {
  const detail = useEngine('analytics.productDetail', { sku });
  const { currencyDisplay } = usePreferences();
  const d = detail.data;
  const currency = d?.sales[0]?.currency ?? null;
  const money = useMemo(() => (v: number | null) => formatMoney(v, currency, currencyDisplay), [currency, currencyDisplay]);
  const lastDay = useFilters().options.data?.dataRange?.to ?? null;
  const priceOption = useMemo(() => (d && d.versions.length ? priceHistoryOption(d.versions, money, lastDay) : null), [d, money, lastDay]);
  const stockOption = useMemo(() => (d && d.stockHistory.rows.length ? stockHistoryOption(d.stockHistory) : null), [d]);
  return (
    <Drawer title={d?.name ?? `Product ${sku}`} onClose={onClose}>
      <StateSwitch state={detail} hasData={d !== undefined}>
        {() =>
          d && (
            <>
              <dl className="facts compact" aria-label="Product">
                <dt>SKU</dt>
                <dd>{d.sku}</dd>
                <dt>Category</dt>
                <dd>{d.category ?? '—'}</dd>
                <dt>Brand / supplier</dt>
                <dd>
                  {d.brand ?? '—'} / {d.supplier ?? '—'}
                </dd>
                <dt>Rating</dt>
                <dd>{d.rating.average === null ? 'No reviews' : `★ ${d.rating.average.toFixed(2)} from ${d.rating.reviews} reviews`}</dd>
                <dt>Stock</dt>
                <dd>
                  {d.stock
                    ? `${d.stock.onHand} on hand, ${d.stock.allocated} allocated, reorder at ${d.stock.reorderPoint} (${d.stock.asOf})`
                    : 'No inventory records'}
                  {d.stock?.isAtRisk && <span className="badge bad"> at risk</span>}
                </dd>
              </dl>
              <div className="kpi-row small-tiles">
                {d.sales.map((s) => (
                  <div className="kpi-tile" key={s.currency}>
                    <div className="kpi-label">Net sales ({s.currency})</div>
                    <div className="kpi-value">{formatMoney(s.netSales, s.currency, currencyDisplay)}</div>
                    <div className="muted small">
                      {s.units} units in {s.orders} orders
                    </div>
                  </div>
                ))}
              </div>
              <h3>Price history ({d.versions.length} version{d.versions.length === 1 ? '' : 's'})</h3>
              {priceOption && <EChart id="product-price-history" option={priceOption} height={200} ariaLabel="Price history" />}
              <table className="simple-table" aria-label="Product versions">
                <thead>
                  <tr>
                    <th>Valid from</th>
                    <th>Valid to</th>
                    <th style={{ textAlign: 'right' }}>List price</th>
                    <th style={{ textAlign: 'right' }}>Cost</th>
                  </tr>
                </thead>
                <tbody>
                  {d.versions.map((v) => (
                    <tr key={v.productKey}>
                      <td>{instantText(v.validFrom)}</td>
                      <td>{v.validTo ? instantText(v.validTo) : v.isCurrent ? 'current' : '—'}</td>
                      <td style={{ textAlign: 'right' }}>{money(v.listPrice)}</td>
                      <td style={{ textAlign: 'right' }}>{money(v.cost)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h3>Stock, last 90 days</h3>
              {stockOption ? <EChart id="product-stock-history" option={stockOption} height={200} ariaLabel="Stock history" /> : <p className="muted">No inventory history for this SKU.</p>}
              <ProductModelsSection sku={d.sku} />
            </>
          )
        }
      </StateSwitch>
    </Drawer>
  );
}

import { useMemo, useState } from 'react';
import { useEngine } from '../../api/useEngine';
import { bestSellersOption, salesVsRatingOption } from '../../charts/options/products';
import { ChartCard } from '../../components/ChartCard';
import { PageHeader } from '../../components/PageHeader';
import { useDrawers } from '../../drawers/DrawerContext';
import { useViewFilters } from '../../filters/useViewFilters';
import { useMoney } from '../../preferences/PreferencesContext';
import { BasketRulesPanel } from './BasketRulesPanel';
import { BestSellersTable } from './BestSellersTable';
import { productsRequests } from './requests';

export default function ProductsPage() {
  const filters = useViewFilters();
  const [by, setBy] = useState<'revenue' | 'units'>('revenue');
  const requests = filters && productsRequests(filters, by);
  const best = useEngine('analytics.bestSellers', requests?.best.args ?? null);
  const ratings = useEngine('analytics.productRatings', requests?.ratings.args ?? null);
  const meta = best.data?.meta;
  const money = useMoney(meta?.currency, true);
  // Formatted with its own answer's currency, so the best sellers arriving later never redraw it.
  const ratingMoney = useMoney(ratings.data?.meta.currency, true);
  const { openProduct } = useDrawers();
  const openClicked = (params: { data?: unknown }) => {
    const data = params.data as { sku?: string } | null;
    if (data?.sku) openProduct(data.sku);
  };

  const bestOption = useMemo(() => (best.data ? bestSellersOption(best.data.series, by, money) : null), [best.data, by, money]);
  const ratingOption = useMemo(() => (ratings.data ? salesVsRatingOption(ratings.data.points, ratingMoney) : null), [ratings.data, ratingMoney]);

  const bySwitch = (
    <div className="segmented" role="radiogroup" aria-label="Rank by">
      {(['revenue', 'units'] as const).map((b) => (
        <button key={b} type="button" role="radio" aria-checked={by === b} className={by === b ? 'is-selected' : ''} onClick={() => setBy(b)}>
          {b === 'revenue' ? 'Net sales' : 'Units'}
        </button>
      ))}
    </div>
  );

  return (
    <div className="page" data-page="products">
      <PageHeader title="Products" meta={meta} />
      <div className="grid-2">
        <ChartCard
          id="products-best-sellers"
          title="Best sellers"
          subtitle="Click a bar to open the product"
          metricId={by === 'revenue' ? 'line_net_sales' : 'units'}
          state={best}
          option={bestOption}
          emptyReason={meta?.emptyReason}
          onClick={openClicked}
          actions={bySwitch}
          height={Math.max(300, (best.data?.series.rows.length ?? 0) * 26)}
        />
        <ChartCard
          id="products-sales-vs-rating"
          title="Sales vs rating"
          subtitle="Point size: number of reviews; click to open the product"
          metricId="avg_rating"
          state={ratings}
          option={ratingOption}
          emptyReason={ratings.data?.meta.emptyReason}
          onClick={openClicked}
          height={Math.max(300, (best.data?.series.rows.length ?? 0) * 26)}
        />
      </div>
      <BestSellersTable filters={filters} />
      <BasketRulesPanel />
    </div>
  );
}

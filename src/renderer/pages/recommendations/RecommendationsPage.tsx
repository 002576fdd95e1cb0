import { useState } from 'react';
import type { ProductScoreDto } from '../../../shared/contract/models';
import { useEngine } from '../../api/useEngine';
import { ModelGate } from '../../components/ModelGate';
import { StateSwitch } from '../../components/StateViews';
import { CustomerLink, ProductLink } from '../../drawers/DrawerContext';
import { formatCount, formatPercent } from '../../lib/format';
import { SearchBox } from './SearchBox';
import type { Suggestion } from './useSuggestions';

function ScoreList({ items, reason }: { items: ProductScoreDto[]; reason(item: ProductScoreDto): string }) {
  if (items.length === 0) return <p className="muted">Nothing to recommend: the model found no product with enough shared buyers.</p>;
  return (
    <ol className="rec-list" aria-label="Recommended products">
      {items.map((item) => (
        <li key={item.sku}>
          <ProductLink sku={item.sku} label={item.name ?? item.sku} /> <span className="muted small">{item.category}</span>
          <div className="muted small">{reason(item)}</div>
        </li>
      ))}
    </ol>
  );
}

function CustomerRecommendations({ customerId, label }: { customerId: string; label: string }) {
  const recs = useEngine('models.recommendForCustomer', { customerId, k: 10, excludeOutOfStock: true });
  const r = recs.data;
  return (
    <section className="panel" aria-label="Recommendations for the customer">
      <h2>
        For <CustomerLink customerId={customerId} label={label} />
      </h2>
      <StateSwitch state={recs} hasData={r !== undefined}>
        {() =>
          r && (
            <>
              <p className="muted small">
                {r.basis === 'item-item' ? `Based on ${r.purchasedSkus} products they bought.` : 'No usable purchase history: the most popular products instead.'}
                {r.excludedOutOfStock ? ` ${r.excludedOutOfStock} out-of-stock products left out.` : ''}
              </p>
              <ScoreList items={r.items} reason={(i) => (r.basis === 'item-item' ? `Similar to what they bought${i.common ? ` · ${i.common} shared buyers` : ''}` : 'Popular with everyone')} />
            </>
          )
        }
      </StateSwitch>
    </section>
  );
}

function ProductRecommendations({ sku, label }: { sku: string; label: string }) {
  const similar = useEngine('models.similarProducts', { sku, k: 10 });
  const together = useEngine('models.boughtTogether', { sku, k: 10 });
  return (
    <div className="grid-2">
      <section className="panel" aria-label="Similar products">
        <h2>
          Similar to <ProductLink sku={sku} label={label} />
        </h2>
        <StateSwitch state={similar} hasData={similar.data !== undefined}>
          {() => similar.data && <ScoreList items={similar.data.items} reason={(i) => (i.common ? `${formatCount(i.common)} customers bought both` : 'bought by similar customers')} />}
        </StateSwitch>
      </section>
      <section className="panel" aria-label="Bought together">
        <h2>Often bought with it</h2>
        <StateSwitch state={together} hasData={together.data !== undefined}>
          {() => together.data && <ScoreList items={together.data.items} reason={(i) => [i.common ? `together in ${formatCount(i.common)} orders` : 'bought together', i.lift ? `lift ${i.lift.toFixed(1)}` : null].filter(Boolean).join(', ')} />}
        </StateSwitch>
      </section>
    </div>
  );
}

function ModelEvaluation() {
  const metrics = useEngine('models.recommendMetrics', {});
  const m = metrics.data;
  return (
    <section className="panel" aria-label="Model evaluation">
      <h2>How good are these recommendations?</h2>
      <StateSwitch state={metrics} hasData={metrics.data !== undefined}>
        {() =>
          m ? (
            <>
              <p className="muted small">
                Trained on orders before {m.cutoffDate}, tested on the next {m.testDays} days for {m.testCustomers} customers, top {m.k}.
              </p>
              <dl className="facts compact">
                <dt>Hit rate</dt>
                <dd>
                  {formatPercent(m.hitRate)} <span className="muted">(popularity baseline {formatPercent(m.baselineHitRate)})</span>
                </dd>
                <dt>Precision</dt>
                <dd>
                  {formatPercent(m.precision)} <span className="muted">(baseline {formatPercent(m.baselinePrecision)})</span>
                </dd>
                <dt>Verdict</dt>
                <dd>{m.beatsBaseline ? <span className="badge good">beats the baseline</span> : <span className="badge bad">does not beat the baseline</span>}</dd>
              </dl>
            </>
          ) : (
            <p className="muted">The recommender has not been trained yet.</p>
          )
        }
      </StateSwitch>
    </section>
  );
}

export default function RecommendationsPage() {
  const [selected, setSelected] = useState<Suggestion | null>(null);
  return (
    <div className="page" data-page="recommendations">
      <header className="page-header">
        <div>
          <h1>Recommendations</h1>
          <p className="muted small">Look up a customer or a product to see what to offer next, and why.</p>
        </div>
      </header>
      <ModelGate model="recommend">
        {() => (
          <>
            <section className="panel" aria-label="Look up">
              <SearchBox onSelect={setSelected} />
            </section>
            {selected?.kind === 'customer' && <CustomerRecommendations key={selected.id} customerId={selected.id} label={selected.label} />}
            {selected?.kind === 'product' && <ProductRecommendations key={selected.id} sku={selected.id} label={selected.label} />}
            <ModelEvaluation />
          </>
        )}
      </ModelGate>
    </div>
  );
}

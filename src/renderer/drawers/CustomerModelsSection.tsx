import { useEngine } from '../api/useEngine';
import { formatMoney, formatPercent } from '../lib/format';
import { usePreferences } from '../preferences/PreferencesContext';
import { ProductLink } from './DrawerContext';

/** Predicted CLV with P(alive), and the top recommendations, when those models have been trained. */
export function CustomerModelsSection({ customerId }: { customerId: string }) {
  const clv = useEngine('models.customerClv', { customerId });
  const clvRun = useEngine('models.clvSummary', {});
  const recs = useEngine('models.recommendForCustomer', { customerId, k: 5, excludeOutOfStock: true });
  const { currencyDisplay } = usePreferences();
  const currency = clvRun.data?.currency ?? null;
  return (
    <>
      <h3>Prediction</h3>
      {clv.data ? (
        <p>
          P(alive) <strong>{formatPercent(clv.data.pAlive)}</strong> · expected purchases {clv.data.expectedPurchases.toFixed(2)} · predicted CLV{' '}
          <strong>{formatMoney(clv.data.clv, currency, currencyDisplay)}</strong>
        </p>
      ) : (
        <p className="muted small">{clv.error ? clv.error.message : clv.isLoading ? '…' : 'No CLV prediction: train the CLV model on the Customers page (or this customer has no orders in its currency).'}</p>
      )}
      <h3>Recommended for them</h3>
      {recs.data ? (
        <ol className="rec-list">
          {recs.data.items.map((item) => (
            <li key={item.sku}>
              <ProductLink sku={item.sku} label={item.name} />{' '}
              <span className="muted small">{recs.data?.basis === 'item-item' ? 'similar to what they bought' : 'popular'}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted small">{recs.error ? recs.error.message : '…'}</p>
      )}
    </>
  );
}

import { useEngine } from '../api/useEngine';
import { ProductLink } from './DrawerContext';

/** Similar products and "bought together", when the recommender has been trained. */
export function ProductModelsSection({ sku }: { sku: string }) {
  const similar = useEngine('models.similarProducts', { sku, k: 6 });
  const together = useEngine('models.boughtTogether', { sku, k: 6 });
  const list = (state: typeof similar, empty: string) =>
    state.data ? (
      state.data.items.length ? (
        <ul className="plain-list">
          {state.data.items.map((i) => (
            <li key={i.sku}>
              <ProductLink sku={i.sku} label={i.name} /> {i.common ? <span className="muted small">({i.common} shared)</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{empty}</p>
      )
    ) : (
      <p className="muted small">{state.error ? state.error.message : '…'}</p>
    );
  return (
    <div className="grid-2">
      <div>
        <h3>Similar products</h3>
        {list(similar, 'No similar product found.')}
      </div>
      <div>
        <h3>Bought together</h3>
        {list(together, 'Not often bought with anything.')}
      </div>
    </div>
  );
}

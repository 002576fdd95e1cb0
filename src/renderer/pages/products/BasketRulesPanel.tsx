import { isMethodAvailable } from '../../api/engine';

/** Basket rules (support, confidence, lift) come from the models engine's association rules. */
export function BasketRulesPanel() {
  if (isMethodAvailable('models.rules')) return null;
  return (
    <section className="panel" aria-label="Basket rules">
      <h2>Basket rules</h2>
      <p className="muted">Rules such as “customers who buy A also buy B”, with support, confidence and lift, appear here once the models engine is part of this build.</p>
    </section>
  );
}

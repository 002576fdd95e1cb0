import { isMethodAvailable } from '../../api/engine';

/** Predictive CLV with P(alive), k-means clusters and holdout accuracy come from the models engine. */
export function PredictiveClvPanel() {
  if (isMethodAvailable('models.clv')) return null;
  return (
    <section className="panel" aria-label="Predictive CLV">
      <h2>Predictive CLV and clusters</h2>
      <p className="muted">
        Predicted CLV with P(alive), holdout accuracy and k-means clusters with their names appear here once the models engine is part of this build.
      </p>
    </section>
  );
}

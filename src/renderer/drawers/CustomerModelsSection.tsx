import { isMethodAvailable } from '../api/engine';

/**
 * RFM/CLV predictions and recommendations for one customer come from the models engine. Until its
 * methods are in this build the drawer says so rather than showing made-up figures.
 */
export function CustomerModelsSection({ customerId }: { customerId: string }) {
  const hasModels = isMethodAvailable('models.recommendations');
  if (!hasModels) {
    return (
      <p className="muted small" data-customer={customerId}>
        Predicted CLV, P(alive) and recommendations appear here once the models engine is part of this build.
      </p>
    );
  }
  return null;
}

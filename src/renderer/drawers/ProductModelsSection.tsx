import { isMethodAvailable } from '../api/engine';

/** Similar products and "bought together" come from the models engine, once it is in this build. */
export function ProductModelsSection({ sku }: { sku: string }) {
  if (!isMethodAvailable('models.similarProducts')) {
    return (
      <p className="muted small" data-sku={sku}>
        Similar products and “bought together” appear here once the models engine is part of this build.
      </p>
    );
  }
  return null;
}

import type { ReactNode } from 'react';
import type { ResultMeta } from '../../shared/contract/analytics';

/** The page title, with what the numbers below cover: range, comparison and currency. */
export function PageHeader({ title, meta, children }: { title: string; meta?: ResultMeta | undefined; children?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {meta && (
          <p className="muted small" data-testid="page-scope">
            {meta.range ? `${meta.range.from} – ${meta.range.to}` : 'No data in range'}
            {meta.previousRange ? ` · compared with ${meta.previousRange.from} – ${meta.previousRange.to}` : ''}
            {meta.currency ? ` · ${meta.currency}` : ''}
            {meta.availableCurrencies.length > 1 ? ` (other currencies are never added in; switch in the filter bar)` : ''}
          </p>
        )}
      </div>
      {children}
    </header>
  );
}

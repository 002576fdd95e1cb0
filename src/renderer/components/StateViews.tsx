import type { ReactNode } from 'react';
import type { AppError } from '../../shared/result';

export function Skeleton({ height = 240, label = 'Loading' }: { height?: number; label?: string }) {
  return <div className="skeleton" style={{ height }} aria-busy="true" aria-label={label} role="status" />;
}

/** Empty is not an error: say why there is nothing and what would fill it. */
export function EmptyState({ reason, action }: { reason: string; action?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <p>{reason}</p>
      {action}
    </div>
  );
}

const HINTS: Partial<Record<AppError['code'], string>> = {
  NOT_AVAILABLE: 'This part of the engine is not in this build yet.',
  VALIDATION: 'A filter value was refused; resetting the filters usually helps.',
  NOT_FOUND: 'It may have been removed by a newer import.',
};

export function ErrorState({ error, onRetry, isShowingOlder = false }: { error: AppError; onRetry?: () => void; isShowingOlder?: boolean }) {
  return (
    <div className="error-state" role="alert">
      <p>
        <strong>Could not load this.</strong> {error.message}
      </p>
      {isShowingOlder && <p className="muted">Below, greyed out: the last answer, for the filters as they were then.</p>}
      {HINTS[error.code] && <p className="muted">{HINTS[error.code]}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

interface Loadable {
  isLoading: boolean;
  error: AppError | null;
  reload(): void;
}

/**
 * The one switch between loading, error, empty and content, so every panel behaves the same.
 * Content stays on screen while a refetch runs (dimmed), which keeps filter changes calm.
 */
export function StateSwitch({
  state,
  hasData,
  emptyReason,
  height = 240,
  children,
}: {
  state: Loadable;
  hasData: boolean;
  emptyReason?: string | null;
  height?: number;
  children: () => ReactNode;
}) {
  if (state.error && !hasData) return <ErrorState error={state.error} onRetry={state.reload} />;
  if (!hasData) return <Skeleton height={height} />;
  if (emptyReason) return <EmptyState reason={emptyReason} />;
  return (
    <div className={state.isLoading ? 'is-refreshing' : undefined} aria-busy={state.isLoading}>
      {state.error && <ErrorState error={state.error} onRetry={state.reload} isShowingOlder />}
      {/* A failed refetch leaves the last answer up, greyed out, so it is not read as the new one. */}
      <div className={state.error ? 'is-stale' : undefined}>{children()}</div>
    </div>
  );
}

import { useState } from 'react';
import { useApiContext } from '../../api/ApiContext';
import { useApi } from '../../api/useApi';
import { ErrorState } from '../../components/StateViews';
import { AppError } from '../../../shared/result';

/** The local read-only API: a switch, its address and the token a BI tool needs. */
export function LocalApiSection() {
  const { api } = useApiContext();
  const status = useApi('api.status', (a) => a['api.status']({}));
  const [error, setError] = useState<AppError | null>(null);
  const [isTokenShown, setIsTokenShown] = useState(false);
  const s = status.data;

  async function act(work: () => Promise<unknown>) {
    setError(null);
    try {
      await work();
      status.reload();
    } catch (e) {
      setError(e instanceof AppError ? e : new AppError('INTERNAL', String(e)));
    }
  }

  return (
    <section className="panel" aria-label="Local API">
      <h2>Local API</h2>
      <p className="muted small">A read-only HTTP API on this computer (127.0.0.1) for spreadsheets and BI tools. Nothing leaves the machine.</p>
      {status.error && !s && <ErrorState error={status.error} onRetry={status.reload} />}
      {error && <ErrorState error={error} />}
      {s && (
        <>
          <label className="check">
            <input type="checkbox" checked={s.isEnabled} onChange={(e) => void act(() => (e.target.checked ? api['api.enable']({}) : api['api.disable']({})))} />
            Serve the local API
          </label>
          <dl className="facts compact">
            <dt>Status</dt>
            <dd>{s.isRunning ? <span className="badge good">running</span> : <span className="badge">stopped</span>}</dd>
            <dt>Address</dt>
            <dd>{s.url ?? `port ${s.port}`}</dd>
            <dt>Token</dt>
            <dd>
              {s.token ? (
                <>
                  <code>{isTokenShown ? s.token : '•'.repeat(16)}</code>{' '}
                  <button type="button" className="ghost" onClick={() => setIsTokenShown((v) => !v)}>
                    {isTokenShown ? 'Hide' : 'Show'}
                  </button>{' '}
                  <button type="button" className="ghost" onClick={() => void navigator.clipboard?.writeText(s.token ?? '')}>
                    Copy
                  </button>{' '}
                  <button type="button" className="ghost" onClick={() => void act(() => api['api.regenerateToken']({}))}>
                    New token
                  </button>
                </>
              ) : (
                <span className="muted">created when the API is first switched on</span>
              )}
            </dd>
            {s.lastError && (
              <>
                <dt>Last error</dt>
                <dd className="tone-bad">{s.lastError}</dd>
              </>
            )}
          </dl>
        </>
      )}
    </section>
  );
}

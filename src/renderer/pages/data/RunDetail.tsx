import { useEngine } from '../../api/useEngine';
import { StateSwitch } from '../../components/StateViews';
import { formatCount } from '../../lib/format';
import { QualityChecks } from './QualityChecks';

/** One import run: its files, the run log, its quality checks and quarantine by reason. */
export function RunDetail({ runId }: { runId: number }) {
  const detail = useEngine('imports.getRun', { runId });
  const d = detail.data;
  return (
    <section className="panel" aria-label={`Run ${runId}`}>
      <h2>Run {runId}</h2>
      <StateSwitch state={detail} hasData={d !== undefined}>
        {() =>
          d && (
            <>
              <table className="simple-table" aria-label="Files of the run">
                <thead>
                  <tr>
                    <th>File</th>
                    <th>Format</th>
                    <th>Entity</th>
                    <th>Status</th>
                    <th style={{ textAlign: 'right' }}>Read</th>
                    <th style={{ textAlign: 'right' }}>Loaded</th>
                    <th style={{ textAlign: 'right' }}>Duplicates</th>
                    <th style={{ textAlign: 'right' }}>Quarantined</th>
                  </tr>
                </thead>
                <tbody>
                  {d.batches.map((b) => (
                    <tr key={b.batchId}>
                      <td title={b.path}>{b.fileName}</td>
                      <td>{b.format}</td>
                      <td>{b.entity ?? '—'}</td>
                      <td>
                        {b.status}
                        {b.message ? ` — ${b.message}` : ''}
                      </td>
                      <td style={{ textAlign: 'right' }}>{formatCount(b.rowsRead)}</td>
                      <td style={{ textAlign: 'right' }}>{formatCount(b.rowsLoaded)}</td>
                      <td style={{ textAlign: 'right' }}>{formatCount(b.rowsDuplicate)}</td>
                      <td style={{ textAlign: 'right' }}>{formatCount(b.rowsQuarantined)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {d.quarantineByReason.length > 0 && (
                <>
                  <h3>Quarantined by reason</h3>
                  <ul className="plain-list">
                    {d.quarantineByReason.map((q) => (
                      <li key={q.reasonCode}>
                        {formatCount(q.rows)} × {q.reasonCode} <span className="muted small">e.g. {q.example}</span>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <h3>Run log</h3>
              <pre className="raw-row run-log" aria-label="Run log">
                {d.log.map((l) => `${l.level === 'warn' ? '⚠ ' : ''}${l.message}`).join('\n') || 'No log lines.'}
              </pre>
              {d.quality && (
                <>
                  <h3>Quality checks of this run</h3>
                  <QualityChecks report={d.quality} />
                </>
              )}
            </>
          )
        }
      </StateSwitch>
    </section>
  );
}

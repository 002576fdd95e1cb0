import { useEffect, useState } from 'react';
import { useApiContext } from '../../api/ApiContext';
import { useApi } from '../../api/useApi';

type ExportKind = 'report' | 'parquet' | 'csv';

interface Outcome {
  kind: ExportKind;
  jobId: string;
  state: 'running' | 'done' | 'failed';
  message: string;
}

/** Where exports go unless the user says otherwise: a folder beside the warehouse file. */
function defaultOutDir(warehousePath: string | undefined): string {
  if (!warehousePath) return '';
  const slash = Math.max(warehousePath.lastIndexOf('/'), warehousePath.lastIndexOf('\\'));
  return `${warehousePath.slice(0, slash)}${warehousePath[slash] ?? '/'}exports`;
}

function describeResult(kind: ExportKind, result: unknown): string {
  const value = result as { htmlFile?: string; outDir?: string; tables?: unknown[] } | null;
  if (kind === 'report' && value?.htmlFile) return `Report written to ${value.htmlFile}`;
  if (value?.outDir) return `Tables written to ${value.outDir}`;
  return 'Done.';
}

/** "Export report…" and the exports for bigger tools, run as jobs so the window stays responsive. */
export function ReportsPanel() {
  const { api, subscribe } = useApiContext();
  const info = useApi('system.info', (a) => a['system.info']({}));
  const [outDir, setOutDir] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const folder = outDir || defaultOutDir(info.data?.warehousePath);

  useEffect(
    () =>
      subscribe((event) => {
        if (event.name === 'job.finished') {
          setOutcome((o) => (o && o.jobId === event.payload.jobId ? { ...o, state: 'done', message: describeResult(o.kind, event.payload.result) } : o));
        } else if (event.name === 'job.failed') {
          setOutcome((o) => (o && o.jobId === event.payload.jobId ? { ...o, state: 'failed', message: event.payload.error.message } : o));
        }
      }),
    [subscribe],
  );

  async function start(kind: ExportKind) {
    try {
      const { jobId } =
        kind === 'report'
          ? await api['reports.export']({ outDir: `${folder}/report` })
          : await api['exports.warehouse']({ outDir: `${folder}/${kind}`, format: kind });
      setOutcome({ kind, jobId, state: 'running', message: 'Working…' });
    } catch (error) {
      setOutcome({ kind, jobId: '', state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  const isRunning = outcome?.state === 'running';
  return (
    <section className="panel" aria-label="Reports and exports">
      <h2>Reports and exports</h2>
      <p className="muted small">
        A one-page HTML insights memo with its charts as PNG files, or every table as Parquet or CSV with a data dictionary, for
        DuckDB, Spark or a cloud warehouse.
      </p>
      <label className="field is-wide">
        <span>Output folder</span>
        <input value={folder} onChange={(e) => setOutDir(e.target.value)} aria-label="Output folder" />
      </label>
      <div className="button-row">
        <button type="button" className="primary" disabled={isRunning || !folder} onClick={() => void start('report')}>
          Export report
        </button>
        <button type="button" disabled={isRunning || !folder} onClick={() => void start('parquet')}>
          Export tables as Parquet
        </button>
        <button type="button" disabled={isRunning || !folder} onClick={() => void start('csv')}>
          Export tables as CSV
        </button>
      </div>
      {outcome && (
        <p role="status" className={outcome.state === 'failed' ? 'error-text' : 'muted'}>
          {outcome.message}
        </p>
      )}
    </section>
  );
}

import { useMemo, useState } from 'react';
import type { QuarantineRow } from '../../../shared/contract/imports';
import { useApiContext } from '../../api/ApiContext';
import { useApi } from '../../api/useApi';
import { useEngine } from '../../api/useEngine';
import { useJob } from '../../api/useJob';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { JobProgress } from '../../components/JobProgress';
import { StateSwitch } from '../../components/StateViews';
import { formatCount } from '../../lib/format';

type Status = 'open' | 'resolved' | 'superseded' | 'all';

/**
 * Rows that could not load: filter by batch, file, reason and status, read the raw row, export
 * them, and retry (the `quarantine.retry` job re-validates them, e.g. once a missing parent
 * customer or product has been imported).
 */
export function QuarantinePanel() {
  const { api } = useApiContext();
  const [batchId, setBatchId] = useState<number | undefined>();
  const [file, setFile] = useState('');
  const [reasonCode, setReasonCode] = useState('');
  const [status, setStatus] = useState<Status>('open');
  const [selected, setSelected] = useState<QuarantineRow | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { job, cancel, isActive } = useJob(jobId);
  const info = useApi('system.info', (a) => a['system.info']({}));

  const filter = { ...(batchId ? { batchId } : {}), ...(file.trim() ? { file: file.trim() } : {}), ...(reasonCode ? { reasonCode } : {}), status };
  const rows = useEngine('imports.listQuarantine', { ...filter, limit: 1000 });
  const reasons = useEngine('imports.quarantineReasons', { ...(batchId ? { batchId } : {}), status });
  const batches = useEngine('imports.listBatches', { limit: 200 });

  const columns = useMemo<TableColumn<QuarantineRow>[]>(
    () => [
      { id: 'batchId', header: 'Batch', width: 70, align: 'right', cell: (r) => r.batchId, value: (r) => r.batchId },
      { id: 'file', header: 'File', width: 130, cell: (r) => r.file.split(/[\\/]/).pop(), value: (r) => r.file },
      { id: 'line', header: 'Line', width: 60, align: 'right', cell: (r) => r.line, value: (r) => r.line },
      { id: 'column', header: 'Column', width: 116, cell: (r) => r.column ?? '—', value: (r) => r.column },
      { id: 'reasonCode', header: 'Reason', width: 160, cell: (r) => <span className="badge warn">{r.reasonCode}</span>, value: (r) => r.reasonCode },
      { id: 'reason', header: 'Detail', width: 180, grows: true, cell: (r) => r.reason, value: (r) => r.reason },
      { id: 'status', header: 'Status', width: 72, cell: (r) => r.status, value: (r) => r.status },
      { id: 'raw', header: 'Raw row', width: 140, grows: true, cell: (r) => <code className="small">{r.raw}</code>, value: (r) => r.raw },
    ],
    [],
  );

  async function retry() {
    setMessage(null);
    const { jobId: id } = await api['jobs.start']({ kind: 'quarantine.retry', params: { ...(batchId ? { batchId } : {}), ...(reasonCode ? { reasonCode } : {}) } });
    setJobId(id);
  }

  async function exportToDataFolder() {
    const warehouse = info.data?.warehousePath;
    if (!warehouse) return;
    const folder = warehouse.replace(/[\\/][^\\/]*$/, '');
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    try {
      const result = await api['imports.exportQuarantine']({ path: `${folder}/quarantine-${stamp}.csv`, ...filter });
      setMessage(`Wrote ${formatCount(result.rows)} rows to ${result.path}`);
    } catch (e) {
      setMessage(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const total = rows.data?.total ?? 0;
  return (
    <section className="panel" aria-label="Quarantine">
      <header className="card-header">
        <h2>Quarantine</h2>
        <div className="card-actions">
          <button type="button" onClick={() => void exportToDataFolder()} disabled={total === 0}>
            Write CSV to data folder
          </button>
          <button type="button" className="primary" onClick={() => void retry()} disabled={isActive || status === 'resolved'}>
            Retry {reasonCode || batchId ? 'these' : 'all open'} rows
          </button>
        </div>
      </header>
      <div className="table-toolbar" role="group" aria-label="Quarantine filters">
        <select aria-label="Batch" value={batchId ?? ''} onChange={(e) => setBatchId(e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">All batches</option>
          {(batches.data?.batches ?? []).map((b) => (
            <option key={b.batchId} value={b.batchId}>
              #{b.batchId} {b.fileName}
            </option>
          ))}
        </select>
        <input type="search" aria-label="File" placeholder="File name contains…" value={file} onChange={(e) => setFile(e.target.value)} />
        <select aria-label="Reason" value={reasonCode} onChange={(e) => setReasonCode(e.target.value)}>
          <option value="">All reasons</option>
          {(reasons.data ?? []).map((r) => (
            <option key={r.reasonCode} value={r.reasonCode}>
              {r.reasonCode} ({formatCount(r.rows)})
            </option>
          ))}
        </select>
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value as Status)}>
          <option value="open">Open</option>
          <option value="resolved">Resolved</option>
          <option value="superseded">Superseded</option>
          <option value="all">All</option>
        </select>
        <span className="muted small" data-testid="quarantine-total">
          {rows.data ? `${formatCount(total)} rows${total > rows.data.rows.length ? `, first ${formatCount(rows.data.rows.length)} shown` : ''}` : ''}
        </span>
      </div>
      {message && (
        <p className="muted small" role="status">
          {message}
        </p>
      )}
      <JobProgress job={job} onCancel={() => void cancel()} label="Retrying quarantined rows" />
      <StateSwitch state={rows} hasData={rows.data !== undefined} emptyReason={total === 0 ? (status === 'open' ? 'No open quarantined rows: everything imported loaded.' : 'No rows match these filters.') : null}>
        {() => (
          <DataTable<QuarantineRow>
            id="quarantine-rows"
            title="Quarantined rows"
            columns={columns}
            rows={rows.data?.rows ?? []}
            onRowClick={(r) => setSelected(r)}
            rowLabel={(r) => `Show raw row of line ${r.line} in batch ${r.batchId}`}
            height={360}
          />
        )}
      </StateSwitch>
      {selected && (
        <div className="raw-detail" aria-label="Quarantined row" role="region">
          <h3>
            Line {selected.line} of {selected.file.split(/[\\/]/).pop()} (batch {selected.batchId})
          </h3>
          <p>
            <span className="badge warn">{selected.reasonCode}</span> {selected.reason}
            {selected.column ? ` — column “${selected.column}”` : ''} · status {selected.status}
          </p>
          <pre className="raw-row" data-testid="raw-row">
            {selected.raw}
          </pre>
          <button type="button" className="ghost" onClick={() => setSelected(null)}>
            Close
          </button>
        </div>
      )}
    </section>
  );
}

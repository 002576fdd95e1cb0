import { useMemo } from 'react';
import type { ImportBatchSummary } from '../../../shared/contract/imports';
import { useEngine } from '../../api/useEngine';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { StateSwitch } from '../../components/StateViews';
import { formatCount } from '../../lib/format';
import { QualityChecks } from './QualityChecks';
import { entityTotals, fileLabel, problemsFirst, repeatedFileNames } from './run-files';

const count = (id: keyof ImportBatchSummary & `rows${string}`, header: string): TableColumn<ImportBatchSummary> => ({
  id, header, align: 'right', width: 118, cell: (b) => formatCount(b[id]), value: (b) => b[id],
});

function fileColumns(repeated: ReadonlySet<string>): TableColumn<ImportBatchSummary>[] {
  return [
    { id: 'file', header: 'File', width: 200, grows: true, cell: (b) => fileLabel(b, repeated), value: (b) => b.path },
    { id: 'entity', header: 'Entity', width: 150, cell: (b) => b.entity ?? '—', value: (b) => b.entity },
    { id: 'status', header: 'Status', width: 160, cell: (b) => `${b.status}${b.message ? ` — ${b.message}` : ''}`, value: (b) => b.status },
    count('rowsRead', 'Read'),
    count('rowsLoaded', 'Loaded'),
    count('rowsDuplicate', 'Duplicates'),
    count('rowsQuarantined', 'Quarantined'),
  ];
}

/** A landing run holds hundreds of files: first what they add up to, per entity. */
function RunEntityTotals({ batches }: { batches: readonly ImportBatchSummary[] }) {
  return (
    <table className="simple-table" aria-label="Rows by entity">
      <thead>
        <tr>
          <th>Entity</th>
          <th style={{ textAlign: 'right' }}>Files</th>
          <th style={{ textAlign: 'right' }}>Read</th>
          <th style={{ textAlign: 'right' }}>Loaded</th>
          <th style={{ textAlign: 'right' }}>Duplicates</th>
          <th style={{ textAlign: 'right' }}>Quarantined</th>
        </tr>
      </thead>
      <tbody>
        {entityTotals(batches).map((t) => (
          <tr key={t.entity}>
            <td>{t.entity}</td>
            <td style={{ textAlign: 'right' }}>
              {formatCount(t.files)}
              {t.refused > 0 ? ` (${formatCount(t.refused)} refused)` : ''}
            </td>
            <td style={{ textAlign: 'right' }}>{formatCount(t.rowsRead)}</td>
            <td style={{ textAlign: 'right' }}>{formatCount(t.rowsLoaded)}</td>
            <td style={{ textAlign: 'right' }}>{formatCount(t.rowsDuplicate)}</td>
            <td style={{ textAlign: 'right' }}>{formatCount(t.rowsQuarantined)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One import run: rows by entity, its files (problems first), the run log, quality checks and quarantine by reason. */
export function RunDetail({ runId }: { runId: number }) {
  const detail = useEngine('imports.getRun', { runId });
  const d = detail.data;
  const files = useMemo(() => (d ? problemsFirst(d.batches) : []), [d]);
  const columns = useMemo(() => fileColumns(repeatedFileNames(d?.batches ?? [])), [d]);
  return (
    <section className="panel" aria-label={`Run ${runId}`}>
      <h2>Run {runId}</h2>
      <StateSwitch state={detail} hasData={d !== undefined}>
        {() =>
          d && (
            <>
              <RunEntityTotals batches={d.batches} />
              <h3>Files</h3>
              <DataTable<ImportBatchSummary> id="run-files" title="Files of the run" columns={columns} rows={files} height={Math.min(320, 40 + files.length * 34)} />
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

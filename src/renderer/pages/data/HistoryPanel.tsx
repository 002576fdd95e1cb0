import { useMemo, useState } from 'react';
import type { ImportRunSummary } from '../../../shared/contract/imports';
import { useEngine } from '../../api/useEngine';
import { DataTable, type TableColumn } from '../../components/DataTable';
import { StateSwitch } from '../../components/StateViews';
import { formatCount } from '../../lib/format';
import { RunDetail } from './RunDetail';

const STATUS_TONE: Record<ImportRunSummary['status'], string> = { succeeded: 'good', partial: 'warn', refused: 'bad', skipped: '' };

/** Every import run, newest first; a run opens its files, log, quality and quarantine summary. */
export function HistoryPanel() {
  const runs = useEngine('imports.listRuns', { limit: 200 });
  const [runId, setRunId] = useState<number | null>(null);
  const columns = useMemo<TableColumn<ImportRunSummary>[]>(
    () => [
      { id: 'runId', header: 'Run', width: 52, align: 'right', cell: (r) => r.runId, value: (r) => r.runId },
      { id: 'startedAt', header: 'Started', width: 156, cell: (r) => r.startedAt.replace('T', ' ').slice(0, 16), value: (r) => r.startedAt },
      { id: 'kind', header: 'Kind', width: 76, cell: (r) => r.kind, value: (r) => r.kind },
      { id: 'source', header: 'Source', width: 120, grows: true, cell: (r) => r.source, value: (r) => r.source },
      { id: 'status', header: 'Status', width: 104, cell: (r) => <span className={`badge ${STATUS_TONE[r.status]}`}>{r.status}</span>, value: (r) => r.status },
      { id: 'files', header: 'Files', width: 64, align: 'right', cell: (r) => r.files, value: (r) => r.files },
      { id: 'rowsLoaded', header: 'Loaded', width: 84, align: 'right', cell: (r) => formatCount(r.rowsLoaded), value: (r) => r.rowsLoaded },
      { id: 'rowsDuplicate', header: 'Duplicates', width: 96, align: 'right', cell: (r) => formatCount(r.rowsDuplicate), value: (r) => r.rowsDuplicate },
      { id: 'rowsQuarantined', header: 'Quarantined', width: 116, align: 'right', cell: (r) => formatCount(r.rowsQuarantined), value: (r) => r.rowsQuarantined },
      { id: 'time', header: 'Time', width: 72, align: 'right', cell: (r) => `${((r.stageMs + r.transformMs + r.qualityMs) / 1000).toFixed(1)} s`, value: (r) => r.stageMs + r.transformMs + r.qualityMs },
    ],
    [],
  );
  return (
    <>
      <section className="panel" aria-label="Import history">
        <h2>Import history</h2>
        <StateSwitch state={runs} hasData={runs.data !== undefined} emptyReason={runs.data?.total === 0 ? 'Nothing imported yet: pick files on the Import tab or generate a demo store.' : null}>
          {() => (
            <DataTable
              id="import-runs"
              title="Import runs"
              columns={columns}
              rows={runs.data?.runs ?? []}
              onRowClick={(r) => setRunId(r.runId)}
              rowLabel={(r) => `Open run ${r.runId}`}
              height={320}
            />
          )}
        </StateSwitch>
      </section>
      {runId !== null && <RunDetail runId={runId} />}
    </>
  );
}

import { Fragment } from 'react';
import type { QualityReport } from '../../../shared/contract/imports';

type CheckResult = QualityReport['results'][number];

/** Check, table, kind, result, value, threshold, detail. */
const COLUMN_SHARES = ['24%', '19%', '9%', '8%', '8%', '11%', '21%'];

/** Failures lead: with dozens of checks, the one that failed must not hide below the fold. */
const failingFirst = (results: CheckResult[]): CheckResult[] => [...results.filter((r) => !r.isPassed), ...results.filter((r) => r.isPassed)];

/**
 * Names like stg_customers.acquisition_channel have no spaces, so a narrow cell cut them at any
 * letter; a break opportunity after each dot keeps table and column whole.
 */
function breakableName(name: string) {
  return name.split(/(?<=\.)/).map((piece, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {piece}
    </Fragment>
  ));
}

/** Checks that pass or fail, each with its measured value, threshold and what it means. */
export function QualityChecks({ report }: { report: QualityReport }) {
  return (
    <>
      <p>
        {report.isPassed ? <span className="badge good">all {report.checks} checks pass</span> : <span className="badge bad">{report.failed} of {report.checks} checks fail</span>}{' '}
        <span className="muted small">ran {report.ranAt.replace('T', ' ').slice(0, 19)}</span>
      </p>
      <table className="simple-table quality-table" aria-label="Quality checks">
        {/* Fixed shares: with automatic layout the one-line names took the room and the sentences wrapped a word a line. */}
        <colgroup>
          {COLUMN_SHARES.map((share, i) => (
            <col key={i} style={{ width: share }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th>Check</th>
            <th>Table</th>
            <th>Kind</th>
            <th>Result</th>
            <th style={{ textAlign: 'right' }}>Value</th>
            <th style={{ textAlign: 'right' }}>Threshold</th>
            <th>Detail</th>
          </tr>
        </thead>
        <tbody>
          {failingFirst(report.results).map((r) => (
            <tr key={r.checkNo} className={r.isPassed ? undefined : 'is-failing'}>
              <td>{breakableName(r.name)}</td>
              <td>{breakableName(r.columnName ? `${r.tableName}.${r.columnName}` : r.tableName)}</td>
              <td>{r.category}</td>
              <td>{r.isPassed ? <span className="badge good">pass</span> : <span className="badge bad">fail</span>}</td>
              <td style={{ textAlign: 'right' }}>{r.value}</td>
              <td style={{ textAlign: 'right' }}>{r.threshold ?? '—'}</td>
              <td className="small">{r.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

import type { QualityReport } from '../../../shared/contract/imports';

/** Checks that pass or fail, each with its measured value, threshold and what it means. */
export function QualityChecks({ report }: { report: QualityReport }) {
  return (
    <>
      <p>
        {report.isPassed ? <span className="badge good">all {report.checks} checks pass</span> : <span className="badge bad">{report.failed} of {report.checks} checks fail</span>}{' '}
        <span className="muted small">ran {report.ranAt.replace('T', ' ').slice(0, 19)}</span>
      </p>
      <table className="simple-table" aria-label="Quality checks">
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
          {report.results.map((r) => (
            <tr key={r.checkNo} className={r.isPassed ? undefined : 'is-failing'}>
              <td>{r.name}</td>
              <td>
                {r.tableName}
                {r.columnName ? `.${r.columnName}` : ''}
              </td>
              <td>{r.category}</td>
              <td>{r.isPassed ? <span className="badge good">pass</span> : <span className="badge bad">fail</span>}</td>
              <td style={{ textAlign: 'right' }}>{r.value}</td>
              <td style={{ textAlign: 'right' }}>{r.threshold ?? '—'}</td>
              <td className="small" style={{ whiteSpace: 'normal' }}>
                {r.detail}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

import type { FilePreview } from '../../../shared/contract/formats';

/** The first 50 rows as they will load, failing cells highlighted with their reason on hover. */
export function PreviewTable({ preview }: { preview: FilePreview }) {
  const fields = [...new Set(preview.rows.flatMap((r) => Object.keys(r.values)))];
  const failing = preview.rows.filter((r) => r.issues.length > 0).length;
  return (
    <div>
      <p className="muted small" data-testid="preview-summary">
        {preview.rows.length} rows previewed, {failing} with problems.
      </p>
      <div className="table-scroll" style={{ maxHeight: 360 }}>
        <table className="simple-table" aria-label="Preview">
          <thead>
            <tr>
              <th>Line</th>
              {fields.map((f) => (
                <th key={f}>{f}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => {
              const issueFor = (field: string) => row.issues.find((i) => i.field === field);
              return (
                <tr key={`${row.line}-${row.entity}`} className={row.issues.length ? 'has-issues' : undefined}>
                  <td>{row.line}</td>
                  {fields.map((f) => {
                    const issue = issueFor(f);
                    return (
                      <td key={f} className={issue ? 'is-failing' : undefined} title={issue ? `${issue.reason}${issue.column ? ` (column ${issue.column})` : ''}` : undefined} data-failing={issue ? 'true' : undefined}>
                        {row.values[f] ?? ''}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {preview.rows.some((r) => r.issues.length) && (
        <ul className="plain-list small">
          {preview.rows
            .flatMap((r) => r.issues.map((i) => ({ line: r.line, ...i })))
            .slice(0, 8)
            .map((i, n) => (
              <li key={n}>
                Line {i.line}, {i.field}
                {i.column ? ` (column “${i.column}”)` : ''}: {i.reason}
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The import job's result, shown field by field. Its exact shape belongs to the import engine,
 * so numbers are listed by their own names rather than guessed into a layout.
 */
export function ImportOutcome({ result }: { result: unknown }) {
  const entries = flatten(result);
  if (entries.length === 0) return <p className="muted">The import finished.</p>;
  return (
    <dl className="facts compact" aria-label="Import outcome" data-testid="import-outcome">
      {entries.map(([key, value]) => (
        <div key={key} style={{ display: 'contents' }}>
          <dt>{humanise(key)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function flatten(value: unknown, prefix = ''): [string, string][] {
  if (value === null || value === undefined) return [];
  if (typeof value !== 'object') return prefix ? [[prefix, String(value)]] : [];
  if (Array.isArray(value)) return prefix ? [[prefix, value.length <= 5 && value.every((v) => typeof v !== 'object') ? value.join(', ') : `${value.length} items`]] : [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)).slice(0, 24);
}

function humanise(key: string): string {
  return key.replace(/\./g, ' › ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

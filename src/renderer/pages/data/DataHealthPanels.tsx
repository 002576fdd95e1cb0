/**
 * Import history with run logs, the data-quality report and the quarantine browser read the
 * import engine's batches, checks and quarantine tables (`src/shared/contract/imports.ts`).
 * That contract is not in this build yet, so each section says what it will show.
 */
const TEXT = {
  history: ['Import history', 'Every import batch with its files, rows loaded, duplicates and quarantined rows, and its run log.'],
  quality: ['Data quality', 'Checks that pass or fail with their figures: orphan lines, negative quantities, unknown SKUs, currency mix, date gaps.'],
  quarantine: ['Quarantine', 'Rows that could not load, filterable by batch, file and reason, with the raw row; export them or retry after fixing the cause.'],
} as const;

export function DataHealthPanels({ section }: { section: keyof typeof TEXT }) {
  const [title, text] = TEXT[section];
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      <p className="muted">{text}</p>
      <p className="muted small">Available once the import engine is part of this build.</p>
    </section>
  );
}

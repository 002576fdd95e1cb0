import type { ColumnMapping, FilePreview, PreviewRow } from '../../../../shared/contract/formats';
import { toErrorInfo } from '../../../../shared/result';
import { detectFileFormat } from '../detect';
import { createMappedAdapter } from '../mapping/mapped-adapter';
import { createRowMapper, mappingProblems } from '../mapping/apply';
import { requiredIssues } from '../mapping/mapped-adapter';
import { recordValues } from '../native-record';
import { openForeignSource } from '../open-source';
import { sniffFile } from '../sniff';
import { validateRecord } from './validate-record';

export const PREVIEW_ROWS = 50;

/**
 * The first 50 rows as they will be parsed. With a mapping (or for a file we would need one for,
 * the proposed mapping) each row shows the target fields; a known format shows the records its
 * adapter makes from those rows. Failing cells carry the reason.
 */
export async function previewFile(file: string, mapping?: ColumnMapping, presetsDir?: string): Promise<FilePreview> {
  const base: FilePreview = { file, format: 'unknown', sourceHeader: [], sourceRows: [], rows: [], refusal: null };
  try {
    const detection = await detectFileFormat(file, { presetsDir, mapping });
    const sniff = await sniffFile(file, { encoding: mapping?.encoding, delimiter: mapping?.delimiter });
    const sourceRows = sniff.rows.slice(0, PREVIEW_ROWS).map((row) => ({ line: row.line, cells: row.fields }));
    const preview: FilePreview = { ...base, format: mapping ? 'mapped' : detection.format, sourceHeader: sniff.header, sourceRows };
    const chosen = mapping ?? (detection.format === 'unknown' || detection.format === 'mapped' ? detection.proposedMapping : null);
    if (chosen) {
      // A proposal may still lack required fields: the rows show that; only unusable mappings refuse.
      const problems = mappingProblems(sniff.header, chosen).filter((problem) => mapping || !problem.startsWith('required field'));
      if (problems.length > 0) return { ...preview, refusal: `the mapping does not fit this file: ${problems.join('; ')}` };
      return { ...preview, rows: mappedRows(file, sniff.header, sniff.rows.slice(0, PREVIEW_ROWS), chosen) };
    }
    if (sniff.isEmpty) return { ...preview, refusal: `${detection.fileName} is empty` };
    const lastLine = sourceRows.at(-1)?.line ?? 0;
    return { ...preview, rows: await adapterRows(file, lastLine, presetsDir) };
  } catch (error) {
    return { ...base, refusal: toErrorInfo(error).message };
  }
}

function mappedRows(file: string, header: string[], rows: { line: number; fields: string[]; raw: string }[], mapping: ColumnMapping): PreviewRow[] {
  const mapRow = createRowMapper(header, mapping);
  const adapter = createMappedAdapter(file, mapping);
  // An incomplete proposal cannot build records yet; its rows still show what each cell parses to.
  const isComplete = mappingProblems(header, mapping).length === 0;
  if (isComplete) adapter.start(header);
  return rows.map((row) => {
    const mapped = mapRow(row.fields);
    const issues = [...mapped.issues, ...requiredIssues(mapping, mapped)];
    if (isComplete && issues.length === 0 && mapping.entity !== 'flat_order_lines') {
      // Single entities: also check the record the row becomes against the native schema.
      const out = { records: [], rejects: [] };
      adapter.emit({ ...row, problem: null }, out);
      for (const record of out.records) issues.push(...validateRecord(record, (field) => mapping.columns[field] ?? null));
    }
    return { line: row.line, entity: mapping.entity, values: mapped.values, issues };
  });
}

async function adapterRows(file: string, lastLine: number, presetsDir?: string): Promise<PreviewRow[]> {
  const source = await openForeignSource(file, { presetsDir });
  const rows: PreviewRow[] = [];
  for await (const batch of source.batches()) {
    for (const record of batch.records) {
      if (record.line > lastLine) continue;
      rows.push({ line: record.line, entity: record.entity, values: recordValues(record), issues: validateRecord(record) });
    }
    for (const reject of batch.rejects) {
      if (reject.line <= lastLine) rows.push({ line: reject.line, entity: 'reject', values: {}, issues: [{ field: '', column: reject.column, reason: reject.reason }] });
    }
    // Children stream in file order after the parents: past the last previewed line we are done.
    if (batch.records.some((r) => (r.entity === 'order_items' || r.entity === 'inventory_movements') && r.line > lastLine)) break;
  }
  return rows.sort((a, b) => a.line - b.line);
}

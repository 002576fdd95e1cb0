import { NATIVE_ENTITIES } from '../../../../shared/data-contract/native-format';
import type { CellIssue } from '../../../../shared/contract/formats';
import type { SourceRecord } from '../../etl/source';
import { recordValues } from '../native-record';

/**
 * Checks a record against its native schema, as the pipeline's validation will, so preview and
 * dry run flag the same cells the import would quarantine.
 */
export function validateRecord(record: SourceRecord, columnOf: (field: string) => string | null = () => null): CellIssue[] {
  const values = recordValues(record);
  // Empty cells are absent, as the pipeline reads them: a required field left '' fails.
  const candidate = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
  const parsed = NATIVE_ENTITIES[record.entity].safeParse(candidate);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    return { field, column: columnOf(field), reason: field && values[field] === '' ? `${field} is required` : issue.message };
  });
}

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
  // Cells go in as the pipeline reads them: '' included (the schemas accept '' where a value is optional).
  const parsed = NATIVE_ENTITIES[record.entity].safeParse(values);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    return { field, column: columnOf(field), reason: field && values[field] === '' ? `${field} is required` : issue.message };
  });
}

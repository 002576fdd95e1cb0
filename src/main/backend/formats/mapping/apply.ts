import type { CellIssue, ColumnMapping } from '../../../../shared/contract/formats';
import { normaliseName } from '../dialect';
import { parseDate, toIsoDate, toIsoTimestamp } from '../values/dates';
import { parseDecimal, parseInteger } from '../values/decimal';
import { fromUnits, toUnits } from '../values/money';
import { isValidTimeZone } from '../values/time-zone';
import { fieldInfo, TARGETS } from './field-catalog';
import { parseMovementKind, parseOrderStatus } from './value-words';

export interface MappedRow {
  /** Target field → normalised value ('' when absent). */
  values: Record<string, string>;
  issues: CellIssue[];
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Problems with the mapping itself (a column the file lacks, a bad time zone): the file is refused. */
export function mappingProblems(header: readonly string[], mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  const known = new Set(TARGETS[mapping.entity].fields);
  for (const [field, column] of Object.entries(mapping.columns)) {
    if (!known.has(field)) problems.push(`field "${field}" is not a field of ${mapping.entity}`);
    else if (columnIndex(header, column) === -1) problems.push(`the mapping reads column "${column}" for ${field}, but the file has no such column`);
  }
  for (const group of TARGETS[mapping.entity].required) {
    if (!group.some((field) => mapping.columns[field] !== undefined || (mapping.constants?.[field] ?? '') !== '')) {
      problems.push(`required field ${group.join(' or ')} has no column or constant`);
    }
  }
  if (mapping.timeZone && !isValidTimeZone(mapping.timeZone)) problems.push(`unknown time zone "${mapping.timeZone}"`);
  return problems;
}

function columnIndex(header: readonly string[], column: string): number {
  const exact = header.indexOf(column);
  if (exact !== -1) return exact;
  const wanted = normaliseName(column);
  return header.findIndex((name) => normaliseName(name) === wanted);
}

/**
 * Turns a source row into the target's fields, normalised to native formats: ISO timestamps with
 * offset, dot decimals without thousands separators, our status and movement words. Every cell
 * that cannot be read is an issue naming the field and the source column.
 */
export function createRowMapper(header: readonly string[], mapping: ColumnMapping): (fields: readonly string[]) => MappedRow {
  const decimal = mapping.decimalSeparator ?? '.';
  const timeZone = mapping.timeZone ?? 'UTC';
  const plan = TARGETS[mapping.entity].fields.map((field) => {
    const column = mapping.columns[field];
    return { field, kind: fieldInfo(field).kind, column: column ?? null, index: column === undefined ? -1 : columnIndex(header, column), constant: mapping.constants?.[field] ?? '' };
  });

  return (fields) => {
    const values: Record<string, string> = {};
    const issues: CellIssue[] = [];
    for (const { field, kind, column, index, constant } of plan) {
      const text = (index === -1 ? constant : (fields[index] ?? '')).trim();
      if (text === '') {
        values[field] = '';
        continue;
      }
      const fail = (reason: string) => {
        issues.push({ field, column, reason });
        values[field] = '';
      };
      switch (kind) {
        case 'timestamp':
        case 'date': {
          const parsed = parseDate(text, mapping.dateFormat ?? 'iso');
          if (!parsed.ok) fail(mapping.dateFormat ? parsed.reason : `${parsed.reason}; set the date format`);
          else values[field] = kind === 'date' ? toIsoDate(parsed.value) : toIsoTimestamp(parsed.value, timeZone);
          break;
        }
        case 'money': {
          const parsed = parseDecimal(text, decimal);
          if (!parsed.ok) fail(parsed.reason);
          else if (parsed.value.startsWith('-')) fail(`negative amount ${parsed.value}`);
          else values[field] = fromUnits(toUnits(parsed.value));
          break;
        }
        case 'integer':
        case 'rating': {
          const parsed = parseInteger(text, decimal);
          if (!parsed.ok) fail(parsed.reason);
          else if (kind === 'rating' && !['1', '2', '3', '4', '5'].includes(parsed.value)) fail(`rating ${parsed.value} is not 1–5`);
          else values[field] = parsed.value;
          break;
        }
        case 'status': {
          const status = parseOrderStatus(text);
          if (status) values[field] = status;
          else fail(`'${text}' is not an order status we know (created, paid, fulfilled, delivered, returned, cancelled or a synonym)`);
          break;
        }
        case 'movement_kind': {
          const movement = parseMovementKind(text);
          if (movement) values[field] = movement;
          else fail(`'${text}' is not a movement kind (receipt, sale, allocation, release, adjustment, return)`);
          break;
        }
        case 'currency':
          if (/^[A-Za-z]{3}$/.test(text)) values[field] = text.toUpperCase();
          else fail(`'${text}' is not a 3-letter currency code`);
          break;
        case 'email':
          if (EMAIL.test(text)) values[field] = text.toLowerCase();
          else fail(`'${text}' is not an e-mail address`);
          break;
        default:
          values[field] = text.replace(/\s+/g, ' ');
      }
    }
    return { values, issues };
  };
}

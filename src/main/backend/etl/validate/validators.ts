import type { NativeEntity } from '../../../../shared/data-contract/native-format';
import { ENTITY_FIELDS, MOVEMENT_KIND_SET, ORDER_STATUS_SET, type FieldSpec } from './entity-specs';
import { INVALID, isCurrencyCode, isEmail, isIsoDate, isTimestamp, parseMoneyCents, parseSignedInt } from './field-parsers';

export type SqlValue = string | number | null;

export const REASON_CODES = [
  'missing_required',
  'bad_number',
  'bad_date',
  'bad_enum',
  'out_of_range',
  'bad_text',
  'unknown_parent',
  'malformed_row',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface RowProblem {
  column: string | null;
  code: ReasonCode;
  reason: string;
}

type RowFailure = { isValid: false } & RowProblem;

/** A validated row: typed values in staging column order, or the first problem found. */
export type RowCheck = { isValid: true; values: SqlValue[] } | RowFailure;

function problem(column: string, code: ReasonCode, reason: string): RowFailure {
  return { isValid: false, column, code, reason };
}

function show(text: string): string {
  return text.length > 40 ? `"${text.slice(0, 40)}…"` : `"${text}"`;
}

function checkField(spec: FieldSpec, text: string): SqlValue | RowFailure {
  if (text === '' && spec.isRequired) return problem(spec.name, 'missing_required', `${spec.name} is required but empty`);
  switch (spec.kind) {
    case 'text': {
      if (!spec.isRequired) return text === '' ? null : text;
      const trimmed = text.trim();
      return trimmed === '' ? problem(spec.name, 'missing_required', `${spec.name} is required but empty`) : trimmed;
    }
    case 'money': {
      if (text === '' && !spec.isRequired) return null;
      const cents = parseMoneyCents(text);
      if (cents !== INVALID) return cents;
      if (text.startsWith('-')) return problem(spec.name, 'out_of_range', `${spec.name} is negative (${show(text)}); amounts must be 0 or more`);
      return problem(spec.name, 'bad_number', `${spec.name} ${show(text)} is not an amount like 12.34 (digits, optional . and up to 2 decimals)`);
    }
    case 'positive_int':
    case 'nonnegative_int':
    case 'rating': {
      const value = parseSignedInt(text);
      if (value === INVALID) return problem(spec.name, 'bad_number', `${spec.name} ${show(text)} is not a whole number`);
      if (spec.kind === 'positive_int' && value < 1) return problem(spec.name, 'out_of_range', `${spec.name} is ${value}; it must be 1 or more`);
      if (spec.kind === 'nonnegative_int' && value < 0) return problem(spec.name, 'out_of_range', `${spec.name} is ${value}; it must be 0 or more`);
      if (spec.kind === 'rating' && (value < 1 || value > 5)) return problem(spec.name, 'out_of_range', `${spec.name} is ${value}; ratings are 1 to 5`);
      return value;
    }
    case 'signed_int': {
      const value = parseSignedInt(text);
      return value === INVALID ? problem(spec.name, 'bad_number', `${spec.name} ${show(text)} is not a whole number`) : value;
    }
    case 'timestamp':
      if (text === '' && !spec.isRequired) return null;
      return isTimestamp(text)
        ? text
        : problem(spec.name, 'bad_date', `${spec.name} ${show(text)} is not an ISO timestamp with seconds and offset, like 2024-03-05T19:50:05Z`);
    case 'date':
      if (text === '' && !spec.isRequired) return null;
      return isIsoDate(text) ? text : problem(spec.name, 'bad_date', `${spec.name} ${show(text)} is not a date like 2024-03-05`);
    case 'email':
      if (text === '') return null;
      return isEmail(text) ? text : problem(spec.name, 'bad_text', `${spec.name} ${show(text)} is not an e-mail address`);
    case 'currency':
      return isCurrencyCode(text) ? text : problem(spec.name, 'bad_enum', `${spec.name} ${show(text)} is not a 3-letter currency code like EUR`);
    case 'order_status':
      return ORDER_STATUS_SET.has(text)
        ? text
        : problem(spec.name, 'bad_enum', `${spec.name} ${show(text)} is not one of ${[...ORDER_STATUS_SET].join(', ')}`);
    case 'movement_kind':
      return MOVEMENT_KIND_SET.has(text)
        ? text
        : problem(spec.name, 'bad_enum', `${spec.name} ${show(text)} is not one of ${[...MOVEMENT_KIND_SET].join(', ')}`);
  }
}

function isProblem(value: SqlValue | RowFailure): value is RowFailure {
  return typeof value === 'object' && value !== null;
}

/**
 * Checks one row (fields in NATIVE_COLUMNS order) against its entity's rules: required fields,
 * types, ranges, enums, date and number formats. Foreign keys are checked by the loader, which
 * knows what this run and the warehouse hold.
 */
export function validateRow(entity: NativeEntity, fields: readonly string[]): RowCheck {
  const values: SqlValue[] = [];
  const found = validateInto(entity, fields, values);
  return found === null ? { isValid: true, values } : { isValid: false, ...found };
}

/**
 * validateRow for bulk loads: appends the row's typed values to `out` and returns null, or
 * leaves `out` as it was and returns the first problem. No per-row allocation on the valid path.
 */
export function validateInto(entity: NativeEntity, fields: readonly string[], out: SqlValue[]): RowProblem | null {
  const specs = ENTITY_FIELDS[entity];
  const start = out.length;
  for (let i = 0; i < specs.length; i += 1) {
    const checked = checkField(specs[i] as FieldSpec, fields[i] ?? '');
    if (isProblem(checked)) {
      out.length = start;
      return checked;
    }
    out.push(checked);
  }
  const crossField = entity === 'returns' ? returnRowProblem(out, start) : null;
  if (crossField !== null) out.length = start;
  return crossField;
}

const RETURN_QUANTITY = ENTITY_FIELDS.returns.findIndex((s) => s.name === 'quantity');
const RETURN_REFUND = ENTITY_FIELDS.returns.findIndex((s) => s.name === 'refund_amount');

/** The one rule across fields: a return of no units only makes sense as a stated refund. */
function returnRowProblem(values: readonly SqlValue[], start: number): RowProblem | null {
  if (values[start + RETURN_QUANTITY] !== 0 || values[start + RETURN_REFUND] !== null) return null;
  return { column: 'quantity', code: 'out_of_range', reason: 'quantity is 0; a return of no units needs a refund_amount (the refunded amount net of tax)' };
}

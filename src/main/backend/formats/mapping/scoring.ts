import type { DecimalSeparator } from '../../../../shared/contract/formats';
import { normaliseName } from '../dialect';
import { dateFormatsFitting } from '../values/dates';
import { parseDecimal, parseInteger } from '../values/decimal';
import type { FieldKind, TargetField } from './field-catalog';
import { parseMovementKind, parseOrderStatus } from './value-words';

/**
 * How well a header names a field: 1 for a synonym exactly, ~0.8 when the header contains a
 * synonym as whole words ("Preço unitário (R$)"), and character-bigram similarity for typos
 * and abbreviations below that.
 */
export function nameScore(header: string, field: TargetField): number {
  const h = normaliseName(header);
  if (h === '') return 0;
  const compact = h.replace(/ /g, '');
  let best = 0;
  for (const synonym of [field.name.replace(/_/g, ' '), ...field.synonyms]) {
    const s = normaliseName(synonym);
    if (h === s || compact === s.replace(/ /g, '')) return 1;
    if (` ${h} `.includes(` ${s} `)) best = Math.max(best, 0.6 + 0.3 * (s.length / h.length));
    else best = Math.max(best, 0.85 * dice(compact, s.replace(/ /g, '')));
  }
  return best;
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i < text.length - 1; i += 1) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function dice(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let overlap = 0;
  for (const [gram, count] of ga) overlap += Math.min(count, gb.get(gram) ?? 0);
  return (2 * overlap) / (a.length - 1 + (b.length - 1));
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Share of the sample's non-empty values that look like the field's kind (0.5 when all are empty). */
export function valueScore(kind: FieldKind, values: readonly string[], decimal: DecimalSeparator): number {
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  if (present.length === 0) return 0.5;
  const fits = present.filter((value) => valueFits(kind, value, decimal)).length;
  return fits / present.length;
}

function valueFits(kind: FieldKind, value: string, decimal: DecimalSeparator): boolean {
  switch (kind) {
    case 'id':
      // Ids rarely hold spaces; person names ("Maria Silva") do, which keeps them out of id fields.
      return value.length <= 64 && (!/\s/.test(value) || (/\d/.test(value) && value.split(/\s+/).length <= 2));
    case 'text':
      return /\p{L}/u.test(value);
    case 'email':
      return EMAIL.test(value);
    case 'money':
      return parseDecimal(value, decimal).ok;
    case 'integer':
      return parseInteger(value, decimal).ok;
    case 'timestamp':
    case 'date':
      return dateFormatsFitting(value).some((format) => format !== 'excel-serial') || /^\d{5}(?:\.\d+)?$/.test(value);
    case 'status':
      return parseOrderStatus(value) !== null;
    case 'currency':
      return /^[A-Za-z]{3}$/.test(value);
    case 'rating': {
      const n = Number(value.replace(',', '.'));
      return Number.isInteger(n) && n >= 1 && n <= 5;
    }
    case 'movement_kind':
      return parseMovementKind(value) !== null;
  }
}

/**
 * Blends the two: the header carries most of the weight, the values confirm or veto. Distinctive
 * values (e-mails, dates, currency codes) can propose a column on their own, at lower confidence.
 */
export function fieldConfidence(header: string, field: TargetField, values: readonly string[], decimal: DecimalSeparator): number {
  const byName = nameScore(header, field);
  const byValue = valueScore(field.kind, values, decimal);
  if (byName === 0) return ['email', 'currency'].includes(field.kind) ? 0.55 * byValue : 0;
  if (byValue < 0.5) return byName * byValue * 0.8;
  return Math.min(1, byName * 0.75 + byValue * 0.25);
}

import type {
  DecimalSeparator,
  EntityProposal,
  FieldProposal,
  MappingTarget,
} from '../../../../shared/contract/formats';
import { MAPPING_TARGETS } from '../../../../shared/contract/formats';
import { fieldInfo, isRequiredField, TARGETS } from './field-catalog';
import { fieldConfidence, nameScore, valueScore } from './scoring';

const MIN_CONFIDENCE = 0.45;

export interface MappingProposal {
  entities: EntityProposal[];
  entity: MappingTarget;
  fields: FieldProposal[];
  columns: Record<string, string>;
}

interface Assignment {
  columns: Record<string, string>;
  confidence: Record<string, number>;
}

/** Greedy best-first matching: the strongest field/column pair is taken first, each used once. */
function assign(target: MappingTarget, header: readonly string[], samples: readonly string[][], decimal: DecimalSeparator): Assignment {
  const { fields } = TARGETS[target];
  const pairs: { field: string; column: string; score: number; order: number }[] = [];
  fields.forEach((field, order) => {
    const info = fieldInfo(field);
    header.forEach((column, i) => {
      const score = fieldConfidence(column, info, samples[i] ?? [], decimal);
      if (score >= MIN_CONFIDENCE) pairs.push({ field, column, score, order });
    });
  });
  pairs.sort((a, b) => b.score - a.score || a.order - b.order);
  const columns: Record<string, string> = {};
  const confidence: Record<string, number> = {};
  const usedColumns = new Set<string>();
  for (const pair of pairs) {
    if (pair.field in columns || usedColumns.has(pair.column)) continue;
    columns[pair.field] = pair.column;
    confidence[pair.field] = pair.score;
    usedColumns.add(pair.column);
  }
  return { columns, confidence };
}

/**
 * Scores every target by how well its required fields are found (a missing currency does not
 * count against it: a constant can supply it) and by how much of the file it explains, so a
 * single-file export with order, customer and product columns proposes flat order lines.
 */
export function proposeMapping(header: readonly string[], rows: readonly string[][], decimal: DecimalSeparator): MappingProposal {
  const samples = header.map((_, i) => rows.map((row) => row[i] ?? ''));
  const scored = MAPPING_TARGETS.map((target) => {
    const assignment = assign(target, header, samples, decimal);
    const groups = TARGETS[target].required.filter((group) => !(group.length === 1 && group[0] === 'currency' && !assignment.columns.currency));
    const requiredScore =
      groups.length === 0 ? 0 : groups.reduce((sum, group) => sum + Math.max(0, ...group.map((f) => assignment.confidence[f] ?? 0)), 0) / groups.length;
    const coverage = header.length === 0 ? 0 : Object.keys(assignment.columns).length / header.length;
    return { target, assignment, confidence: round(requiredScore * 0.7 + Math.min(1, coverage) * 0.3) };
  });
  scored.sort((a, b) => b.confidence - a.confidence);
  const best = scored[0]!;
  const fields = TARGETS[best.target].fields.map((field): FieldProposal => {
    const column = best.assignment.columns[field] ?? null;
    const isRequired = isRequiredField(best.target, field);
    if (column === null) return { field, column, confidence: 0, isRequired, reason: isRequired ? 'no column fits: map one or give a constant' : 'no column fits' };
    const i = header.indexOf(column);
    const info = fieldInfo(field);
    const byName = nameScore(column, info);
    const byValue = valueScore(info.kind, samples[i] ?? [], decimal);
    return {
      field,
      column,
      confidence: round(best.assignment.confidence[field] ?? 0),
      isRequired,
      reason: `header "${column}" ${byName >= 1 ? 'is a known name' : `resembles the field (${Math.round(byName * 100)}%)`}; ${Math.round(byValue * 100)}% of sampled values fit ${info.kind}`,
    };
  });
  return {
    entities: scored.map(({ target, confidence }) => ({ entity: target, confidence })),
    entity: best.target,
    fields,
    columns: best.assignment.columns,
  };
}

const round = (value: number) => Math.round(value * 100) / 100;

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { columnMappingSchema, type ColumnMapping, type FileDetection, type FilePreview } from '../../shared/contract/formats';
import { AppError } from '../../shared/result';
import { detectFileFormat } from '../backend/formats/detect';
import { presetsDirFor } from '../backend/formats/presets';
import { previewFile } from '../backend/formats/wizard/preview';
import { warehousePathFor } from '../backend/paths';
import { globalOptions, printResult, reportCliError } from './cli-context';

/** Reads a `--mapping` JSON file (the same ColumnMapping the wizard saves), with errors that name it. */
export function readMappingFile(file: string): ColumnMapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new AppError('VALIDATION', `${path.basename(file)}: not a readable JSON file (${(error as Error).message})`);
  }
  const parsed = columnMappingSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`).join('; ');
    throw new AppError('VALIDATION', `${path.basename(file)}: not a valid mapping: ${issues}`);
  }
  return parsed.data;
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

export function describeDetection(d: FileDetection, preview: FilePreview | null): string {
  const date = d.dateFormat.isAmbiguous
    ? `ambiguous (${d.dateFormat.candidates.join(' or ')}): the mapping must set dateFormat`
    : (d.dateFormat.format ?? 'none found');
  const lines = [
    `${d.fileName}: ${d.format}${d.preset ? ` (preset "${d.preset.name}")` : ''}`,
    `  encoding   ${d.encoding}`,
    `  delimiter  ${DELIMITER_NAMES[d.delimiter] ?? d.delimiter}, line ending ${d.lineEnding}`,
    `  columns    ${d.header.length}, rows sampled ${d.sampledRows}`,
    `  dates      ${date}${d.dateFormat.example ? `, e.g. "${d.dateFormat.example}"` : ''}`,
    `  decimals   "${d.decimalSeparator.separator}"${d.decimalSeparator.isAmbiguous ? ' (ambiguous)' : ''}`,
  ];
  if (d.proposedEntity) {
    lines.push(`  entity     ${d.proposedEntity} (${d.entities.slice(0, 3).map((e) => `${e.entity} ${Math.round(e.confidence * 100)}%`).join(', ')})`);
  }
  if (d.fields.length > 0) {
    lines.push('  mapping:');
    for (const field of d.fields) {
      const confidence = field.column ? `${Math.round(field.confidence * 100)}%`.padStart(4) : '   -';
      lines.push(`    ${field.field.padEnd(16)} ← ${(field.column ?? '(none)').padEnd(28)} ${confidence}${field.isRequired ? ' required' : ''}`);
    }
  }
  for (const question of d.openQuestions) lines.push(`  ? ${question}`);
  for (const warning of d.warnings) lines.push(`  ! ${warning}`);
  if (preview) {
    const failing = preview.rows.filter((row) => row.issues.length > 0);
    lines.push(`  preview: ${preview.rows.length} records from the first ${preview.sourceRows.length} rows, ${failing.length} with problems`);
    for (const row of failing.slice(0, 10)) lines.push(`    line ${row.line}: ${row.issues.map((i) => `${i.column ?? i.field}: ${i.reason}`).join('; ')}`);
    if (preview.refusal) lines.push(`  refused: ${preview.refusal}`);
  }
  return lines.join('\n');
}

export function registerInspect(program: Command): void {
  program
    .command('inspect')
    .description('print the detected format, encoding, delimiter, date format and the proposed column mapping of a file')
    .argument('<file>', 'a CSV file')
    .option('--mapping <file>', 'a mapping JSON to preview the file with')
    .action(async (file: string, flags: { mapping?: string }, command: Command) => {
      const options = globalOptions(command);
      try {
        const mapping = flags.mapping ? readMappingFile(flags.mapping) : undefined;
        const presetsDir = presetsDirFor(warehousePathFor(options.dataDir));
        const detection = await detectFileFormat(path.resolve(file), { presetsDir, mapping });
        const preview = mapping ? await previewFile(path.resolve(file), mapping, presetsDir) : null;
        // With a mapping the open questions are answered by it; the preview shows what is still wrong.
        const shown = mapping ? { ...detection, openQuestions: [] } : detection;
        printResult(options, { detection: shown, preview }, () => describeDetection(shown, preview));
      } catch (error) {
        reportCliError(options, error);
      }
    });
}

import path from 'node:path';
import { AppError } from '../../../shared/result';
import type { RefusalDetails } from '../etl/source';

/** The one way this folder refuses a file: the message names the file and, where known, line and column. */
export function refuseFile(file: string, problem: string, line: number | null = null, column: string | null = null): AppError {
  const where = [line === null ? null : `line ${line}`, column === null ? null : `column ${column}`].filter(Boolean).join(', ');
  const details = { file, line, column } satisfies RefusalDetails;
  return new AppError('IMPORT_REFUSED', `${path.basename(file)}: ${where ? `${where}: ` : ''}${problem}`, { ...details });
}

import { z } from 'zod';
import { HttpError, validationError } from './api-errors';

type RawQuery = Record<string, string | string[] | undefined>;

/**
 * Fastify hands a repeated key over as an array and a single one as a string. List parameters
 * accept both forms and commas (`?region=North,South`); every other parameter must appear once.
 */
export function normaliseQuery(raw: unknown, listParams: readonly string[] = []): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((raw ?? {}) as RawQuery)) {
    if (value === undefined) continue;
    if (listParams.includes(key)) {
      const values = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(','));
      query[key] = values.map((v) => v.trim()).filter((v) => v.length > 0);
    } else {
      query[key] = value;
    }
  }
  return query;
}

/** Parses path or query input; a failure becomes a 400 naming the parameter. */
export function parseInput<S extends z.ZodType>(schema: S | undefined, input: unknown, where: 'path' | 'query'): z.output<S> {
  if (!schema) return {} as z.output<S>;
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const unknownKey = parsed.error.issues.find((issue) => issue.code === 'unrecognized_keys');
  if (unknownKey && unknownKey.code === 'unrecognized_keys') {
    const name = unknownKey.keys[0] ?? where;
    const known = schema instanceof z.ZodObject ? Object.keys(schema.shape).join(', ') : '';
    throw new HttpError(400, 'VALIDATION', `Unknown ${where} parameter "${name}"${known ? `; this endpoint takes: ${known}` : ''}.`, name);
  }
  return raise(where, parsed.error.issues);
}

function raise(parameter: string, issues: readonly z.core.$ZodIssue[]): never {
  throw validationError(issues, parameter);
}

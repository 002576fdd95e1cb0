import { z } from 'zod';
import { AppError, toErrorInfo, type ErrorCode } from '../../../shared/result';

/** Every error response body: the same shape for every 4xx and 5xx. */
export const ApiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Storelens error code, e.g. VALIDATION, NOT_FOUND, UNAUTHORIZED' }),
      message: z.string().meta({ description: 'What went wrong and what to do, for a person' }),
      parameter: z.string().optional().meta({ description: 'The request parameter at fault, when there is one' }),
    }),
  })
  .meta({ id: 'Error' });

export type ApiErrorBody = z.output<typeof ApiErrorSchema>;

/** An error with its HTTP status; `parameter` names the query or path parameter at fault. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'FORBIDDEN' | 'METHOD_NOT_ALLOWED' | 'NOT_IMPLEMENTED',
    message: string,
    readonly parameter?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.parameter ? { parameter: this.parameter } : {}) } };
  }
}

const STATUS_BY_CODE: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  // The engine's NOT_AVAILABLE means the data is not there yet (no model trained, nothing imported).
  NOT_AVAILABLE: 409,
  CONFLICT: 409,
};

/** Engine errors (AppError, zod) become HTTP errors; a `parameter` detail is kept when present. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const info = toErrorInfo(error);
  const status = STATUS_BY_CODE[info.code] ?? 500;
  const parameter = error instanceof AppError && typeof error.details?.parameter === 'string' ? error.details.parameter : undefined;
  return new HttpError(status, info.code, info.message, parameter);
}

/** A zod failure on request input: names the first parameter at fault and says why. */
export function validationError(issues: readonly z.core.$ZodIssue[], fallbackParameter: string): HttpError {
  const first = issues[0];
  const parameter = first && first.path.length > 0 ? String(first.path[0]) : fallbackParameter;
  const message = issues
    .map((issue) => {
      const where = issue.path.length > 0 ? issue.path.join('.') : parameter;
      return where === parameter ? issue.message : `${where}: ${issue.message}`;
    })
    .join('; ');
  return new HttpError(400, 'VALIDATION', `Invalid parameter "${parameter}": ${message}`, parameter);
}

/**
 * Errors cross every boundary (IPC, HTTP, worker threads) as plain values, never as thrown
 * objects, because structured clone and JSON both drop Error subclasses and their fields.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHORIZED',
  'SCHEMA_TOO_NEW',
  'NOT_A_WAREHOUSE',
  'IMPORT_REFUSED',
  'JOB_CANCELLED',
  'JOB_FAILED',
  'NOT_AVAILABLE',
  'MODEL_NOT_CONVERGED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toInfo(): ErrorInfo {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromInfo(info: ErrorInfo): AppError {
    return new AppError(info.code, info.message, info.details);
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Turns anything thrown into an ErrorInfo a person can read; unknown failures become INTERNAL. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof AppError) return error.toInfo();
  if (isZodLikeError(error)) {
    const issues = error.issues.map((issue) => `${issue.path.join('.') || '(value)'}: ${issue.message}`);
    return { code: 'VALIDATION', message: `Invalid input: ${issues.join('; ')}`, details: { issues: error.issues } };
  }
  if (error instanceof Error) return { code: 'INTERNAL', message: error.message };
  return { code: 'INTERNAL', message: String(error) };
}

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: unknown): Envelope<T> {
  return { ok: false, error: toErrorInfo(error) };
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw AppError.fromInfo(envelope.error);
}

interface ZodLikeError {
  name: string;
  issues: { path: PropertyKey[]; message: string }[];
}

function isZodLikeError(error: unknown): error is ZodLikeError {
  return error instanceof Error && error.name === 'ZodError' && Array.isArray((error as Partial<ZodLikeError>).issues);
}

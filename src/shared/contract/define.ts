import type { z } from 'zod';

/**
 * A contract method: a zod schema for its argument (validated on the backend side of every
 * transport before the engine sees it) and a phantom type for its result.
 */
export interface MethodSpec<Args extends z.ZodType, Result> {
  args: Args;
  /** Never read at run time: carries the result type for the compiler. */
  result?: Result;
}

/** Curried so the result type can be given while the args type is inferred. */
export function method<Result>() {
  return <Args extends z.ZodType>(args: Args): MethodSpec<Args, Result> => ({ args });
}

export type AnySpec = MethodSpec<z.ZodType, unknown>;
export type ContractShape = Record<string, AnySpec>;

export type ArgsOf<S> = S extends MethodSpec<infer A, unknown> ? z.input<A> : never;
export type ParsedArgsOf<S> = S extends MethodSpec<infer A, unknown> ? z.output<A> : never;
export type ResultOf<S> = S extends MethodSpec<z.ZodType, infer R> ? R : never;

import type { DeclaredArgs, DeclaredMethod } from './engine';

/** One engine call as data: what a page asks for, so the page and its prefetch build the same key. */
export interface EngineRequest<M extends DeclaredMethod = DeclaredMethod> {
  method: M;
  args: DeclaredArgs<M>;
}

export function engineRequest<M extends DeclaredMethod>(method: M, args: DeclaredArgs<M>): EngineRequest<M> {
  return { method, args };
}

/** The result cache's key of a call: the method and its arguments by value. */
export function engineKey(method: string, args: unknown): string {
  return `${method}:${JSON.stringify(args)}`;
}

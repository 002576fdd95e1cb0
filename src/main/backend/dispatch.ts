import { contract, isMethodName } from '../../shared/contract';
import { AppError, fail, ok, type Envelope } from '../../shared/result';
import type { Backend } from './backend';
import { handlers } from './handlers';

type AnyHandler = (args: unknown, backend: Backend) => unknown;

/**
 * The single entry every transport calls: checks the method exists, validates the argument
 * with the contract's schema, runs the handler, and turns any failure into an error value.
 */
export async function dispatch(backend: Backend, method: unknown, rawArgs: unknown): Promise<Envelope<unknown>> {
  try {
    if (!isMethodName(method)) throw new AppError('NOT_FOUND', `Unknown method "${String(method)}".`, { method });
    const args: unknown = contract[method].args.parse(rawArgs ?? {});
    const handler = handlers[method] as AnyHandler;
    return ok(await handler(args, backend));
  } catch (error) {
    return fail(error);
  }
}

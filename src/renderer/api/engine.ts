import { isMethodName, type Contract, type MethodName } from '../../shared/contract';
import type { analyticsContract } from '../../shared/contract/analytics';
import type { ArgsOf, ResultOf } from '../../shared/contract/define';
import type { formatsContract } from '../../shared/contract/formats';
import type { modelsContract } from '../../shared/contract/models';
import type { Bridge } from '../../shared/bridge';
import { AppError, unwrap } from '../../shared/result';

/**
 * Engine contracts are declared in their own files before their handlers are spread into the
 * live contract. Pages are typed against the declarations, and a method the running build does
 * not have yet fails as NOT_AVAILABLE (an honest error state) instead of crashing the page.
 * Once every domain is spread in, `Declared` equals `Contract`.
 */
type Declared = Contract & typeof analyticsContract & typeof formatsContract & typeof modelsContract;
export type DeclaredMethod = keyof Declared & string;
export type DeclaredArgs<M extends DeclaredMethod> = ArgsOf<Declared[M]>;
export type DeclaredResult<M extends DeclaredMethod> = ResultOf<Declared[M]>;

export function isMethodAvailable(method: string): boolean {
  return isMethodName(method);
}

export async function callEngine<M extends DeclaredMethod>(
  bridge: Bridge,
  method: M,
  args: DeclaredArgs<M>,
): Promise<DeclaredResult<M>> {
  if (!isMethodName(method)) {
    throw new AppError('NOT_AVAILABLE', `This build has no "${method}" yet, so this view cannot be computed.`);
  }
  const live: MethodName = method;
  return unwrap(await bridge.invoke(live, args as never)) as DeclaredResult<M>;
}

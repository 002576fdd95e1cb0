import type { Bridge } from './bridge';
import { METHOD_NAMES, type MethodArgs, type MethodName, type MethodResult } from './contract';
import { unwrap } from './result';

/** One async function per contract method; failures reject with a typed AppError. */
export type Api = { [M in MethodName]: (args: MethodArgs<M>) => Promise<MethodResult<M>> };

export function createApi(bridge: Bridge): Api {
  const api: Partial<Record<MethodName, (args: never) => Promise<unknown>>> = {};
  for (const name of METHOD_NAMES) {
    api[name] = async (args: never) => unwrap(await bridge.invoke(name, args));
  }
  return api as Api;
}

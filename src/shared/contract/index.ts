import { apiContract } from './api';
import { analyticsContract } from './analytics';
import type { ArgsOf, ContractShape, ParsedArgsOf, ResultOf } from './define';
import { formatsContract } from './formats';
import { importsContract } from './imports';
import { jobsContract } from './jobs';
import { modelsContract } from './models';
import { settingsContract } from './settings';
import { systemContract } from './system';
import { warehouseContract } from './warehouse';

/**
 * The one API of the app: every transport (Electron IPC, browser-mode HTTP, in-process for
 * tests) carries exactly these methods. Each domain declares its methods in its own file and
 * is spread in here, so adding a method never touches a bridge.
 */
export const contract = {
  ...systemContract,
  ...formatsContract,
  ...importsContract,
  ...analyticsContract,
  ...jobsContract,
  ...settingsContract,
  ...apiContract,
  ...warehouseContract,
  ...modelsContract,
} satisfies ContractShape;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodArgs<M extends MethodName> = ArgsOf<Contract[M]>;
export type MethodParsedArgs<M extends MethodName> = ParsedArgsOf<Contract[M]>;
export type MethodResult<M extends MethodName> = ResultOf<Contract[M]>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

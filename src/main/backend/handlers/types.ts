import type { ContractShape, ParsedArgsOf, ResultOf } from '../../../shared/contract/define';
import type { Backend } from '../backend';

/** A complete handler map for a slice of the contract; `satisfies` proves nothing is missing. */
export type HandlersFor<C extends ContractShape> = {
  [K in keyof C]: (args: ParsedArgsOf<C[K]>, backend: Backend) => ResultOf<C[K]> | Promise<ResultOf<C[K]>>;
};

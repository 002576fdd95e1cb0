import { describe, expect, it } from 'vitest';
import { contract, METHOD_NAMES } from '../../../shared/contract';
import { handlers } from '.';

describe('the one contract', () => {
  it('has a handler for every method and no handler without a method', () => {
    // The compiler proves this through `satisfies HandlersFor<Contract>`; this guards the run-time spread.
    expect(Object.keys(handlers).sort()).toEqual([...METHOD_NAMES].sort());
  });

  it('gives every method an argument schema', () => {
    for (const name of METHOD_NAMES) expect(typeof contract[name].args.safeParse, name).toBe('function');
  });
});

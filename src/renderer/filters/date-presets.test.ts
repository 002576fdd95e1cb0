import { describe, expect, it } from 'vitest';
import { addDaysIso, presetRange } from './date-presets';

const data = { from: '2023-02-10', to: '2024-03-05' };

describe('presetRange', () => {
  it('counts back from the last day with data, inclusive of both ends', () => {
    expect(presetRange('last7', data)).toEqual({ from: '2024-02-28', to: '2024-03-05' });
    expect(presetRange('last30', data)).toEqual({ from: '2024-02-05', to: '2024-03-05' });
  });
  it('starts the year to date on 1 January of the last data year', () => {
    expect(presetRange('ytd', data)).toEqual({ from: '2024-01-01', to: '2024-03-05' });
  });
  it('clamps to the first day with data', () => {
    expect(presetRange('last365', { from: '2024-01-15', to: '2024-03-05' })).toEqual({ from: '2024-01-15', to: '2024-03-05' });
  });
  it('leaves the range open for all time, custom and an empty warehouse', () => {
    expect(presetRange('all', data)).toEqual({});
    expect(presetRange('last7', null)).toEqual({});
  });
  it('adds days across month and leap-year ends', () => {
    expect(addDaysIso('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDaysIso('2024-03-01', -1)).toBe('2024-02-29');
  });
});

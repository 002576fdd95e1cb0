import { describe, expect, it } from 'vitest';
import { dailySeries, futureDates, monthlySeries } from './series';

describe('revenue series', () => {
  it('fills missing days with 0 and keeps only whole calendar months', () => {
    const daily = dailySeries([
      { date: '2024-01-30', value: 5 },
      { date: '2024-02-01', value: 1 },
      { date: '2024-02-29', value: 2 },
      { date: '2024-03-01', value: 4 },
      { date: '2024-03-31', value: 8 },
      { date: '2024-04-02', value: 16 },
    ]);
    expect(daily.dates[0]).toBe('2024-01-30');
    expect(daily.values.slice(0, 4)).toEqual([5, 0, 1, 0]);
    expect(daily.dates).toHaveLength(64);
    // January starts on the 30th and April ends on the 2nd: both partial, both dropped.
    expect(monthlySeries(daily)).toEqual({ dates: ['2024-02', '2024-03'], values: [3, 12] });
  });

  it('continues dates across month and year ends', () => {
    expect(futureDates('2024-12-30', 'day', 3)).toEqual(['2024-12-31', '2025-01-01', '2025-01-02']);
    expect(futureDates('2024-11', 'month', 3)).toEqual(['2024-12', '2025-01', '2025-02']);
  });
});

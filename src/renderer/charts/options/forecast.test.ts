import { describe, expect, it } from 'vitest';
import { forecastOption } from './forecast';

describe('forecastOption', () => {
  const series = {
    columns: ['date', 'actual', 'forecast', 'lo80', 'hi80', 'lo95', 'hi95'] as ['date', 'actual', 'forecast', 'lo80', 'hi80', 'lo95', 'hi95'],
    rows: [
      ['2024-01-01', 100, null, null, null, null, null],
      ['2024-01-02', null, 110, 90, 130, 80, 140],
    ],
  };
  it('stacks each interval as an invisible lower bound plus the band width', () => {
    const option = forecastOption(series, (v) => String(v));
    const byName = Object.fromEntries(option.series.map((s) => [s.name, s.data]));
    expect(byName['95 % interval low']).toEqual([null, 80]);
    expect(byName['95 % interval']).toEqual([null, 60]);
    expect(byName['80 % interval']).toEqual([null, 40]);
    expect(byName.Actual).toEqual([100, null]);
    expect(byName.Forecast).toEqual([null, 110]);
  });
});

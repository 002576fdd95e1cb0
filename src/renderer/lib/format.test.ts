import { describe, expect, it } from 'vitest';
import { describeChange, formatCount, formatMetricValue, formatMoney, formatPercent } from './format';

describe('formatMoney', () => {
  it('shows the currency symbol or code as the setting says', () => {
    expect(formatMoney(1234.5, 'EUR', 'symbol')).toBe('€1,234.50');
    expect(formatMoney(1234.5, 'EUR', 'code')).toMatch(/^EUR\s?1,234\.50$/);
  });
  it('abbreviates in compact mode', () => {
    expect(formatMoney(1_250_000, 'GBP', 'symbol', true)).toBe('£1.3M');
  });
  it('renders missing values as a dash', () => {
    expect(formatMoney(null, 'EUR')).toBe('—');
    expect(formatCount(Number.NaN)).toBe('—');
  });
});

describe('formatMetricValue', () => {
  it('formats by unit', () => {
    expect(formatMetricValue(0.1234, 'percent', null)).toBe('12.3 %');
    expect(formatMetricValue(4.256, 'ratio', null)).toBe('4.26');
    expect(formatMetricValue(3.25, 'days', null)).toBe('3.3 d');
    expect(formatMetricValue(12345, 'count', null)).toBe('12,345');
    expect(formatPercent(1)).toBe('100.0 %');
  });
});

describe('describeChange', () => {
  it('colours a rise good when higher is better, bad otherwise', () => {
    expect(describeChange(0.1, 'currency', true)).toEqual({ text: '+10.0 %', tone: 'good', arrow: '▲' });
    expect(describeChange(0.1, 'currency', false).tone).toBe('bad');
    expect(describeChange(-0.25, 'count', true)).toEqual({ text: '−25.0 %', tone: 'bad', arrow: '▼' });
  });
  it('shows percent metrics as percentage points', () => {
    expect(describeChange(-0.02, 'percent', false)).toEqual({ text: '−2.0 pp', tone: 'good', arrow: '▼' });
  });
  it('says when there is nothing to compare', () => {
    expect(describeChange(null, 'currency', true).tone).toBe('flat');
    expect(describeChange(0, 'currency', true).text).toBe('±0.0 %');
  });
});

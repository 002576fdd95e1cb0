import { describe, expect, it } from 'vitest';
import { INVALID, isIsoDate, isTimestamp, parseMoneyCents, parseSignedInt } from './field-parsers';

describe('field parsers', () => {
  it('turns amounts into exact cents and rejects anything that is not digits with up to 2 decimals', () => {
    expect([parseMoneyCents('0'), parseMoneyCents('12.3'), parseMoneyCents('12.34'), parseMoneyCents('1234567890123.99'), parseMoneyCents('0.07')]).toEqual([0, 1230, 1234, 123456789012399, 7]);
    for (const bad of ['', '.5', '12.', '12.345', '1,5', '-1', '+1', ' 1', '1e3', '0x1', '12.3a', '12345678901234']) expect(parseMoneyCents(bad), bad).toBe(INVALID);
  });

  it('checks timestamps by shape, calendar and clock, with or without fractions', () => {
    for (const good of ['2024-02-29T23:59:59Z', '2024-03-05T19:50:05+01:00', '2024-03-05T19:50:05-05:30', '2024-03-05T19:50:05.123Z', '2024-03-05T19:50:05.5+02:00']) expect(isTimestamp(good), good).toBe(true);
    for (const bad of ['2023-02-29T10:00:00Z', '2024-13-01T10:00:00Z', '2024-01-01T24:00:00Z', '2024-01-01T10:60:00Z', '2024-01-01T10:00:60Z', '2024-01-01 10:00:00Z',
      '2024-01-01T10:00:00', '2024-01-01T10:00:00+0100', '2024-01-01T10:00:00+24:00', '2024-01-01T10:00:00*01:00', '2024-01-01T10:00:00X', 'x024-01-01T10:00:00Z', '2024-01-01T10:00Z']) {
      expect(isTimestamp(bad), bad).toBe(false);
    }
  });

  it('checks dates and whole numbers', () => {
    expect([isIsoDate('2024-02-29'), isIsoDate('2023-02-29'), isIsoDate('2024-04-31'), isIsoDate('2024-4-01')]).toEqual([true, false, false, false]);
    expect([parseSignedInt('-3'), parseSignedInt('42'), parseSignedInt('4.0'), parseSignedInt('')]).toEqual([-3, 42, INVALID, INVALID]);
  });
});

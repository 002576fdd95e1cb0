import { describe, expect, it } from 'vitest';
import { timeZoneChoices } from './time-zones';

describe('timeZoneChoices', () => {
  it('offers UTC and the runtime zones', () => {
    const zones = timeZoneChoices('UTC');
    expect(zones).toContain('UTC');
    expect(zones).toContain('America/Sao_Paulo');
    expect(new Set(zones).size).toBe(zones.length);
  });

  it('keeps a zone the runtime does not know first, rather than showing another', () => {
    expect(timeZoneChoices('Mars/Olympus_Mons')[0]).toBe('Mars/Olympus_Mons');
  });
});

import type { DateRange } from '../../shared/contract/analytics';

export const DATE_PRESETS = [
  { id: 'last7', label: 'Last 7 days' },
  { id: 'last30', label: 'Last 30 days' },
  { id: 'last90', label: 'Last 90 days' },
  { id: 'last365', label: 'Last 12 months' },
  { id: 'ytd', label: 'Year to date' },
  { id: 'all', label: 'All time' },
  { id: 'custom', label: 'Custom…' },
] as const;

export type DatePresetId = (typeof DATE_PRESETS)[number]['id'];

export function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Presets count back from the last day with data, not from today: an imported export or a demo
 * store usually ends in the past, and "last 30 days" of nothing helps no one. The start is
 * clamped to the data's first day. `all` and `custom` return undefined bounds (the engine then
 * uses the data's whole range).
 */
export function presetRange(preset: DatePresetId, data: DateRange | null): { from?: string; to?: string } {
  if (!data || preset === 'all' || preset === 'custom') return {};
  const to = data.to;
  const back = { last7: 6, last30: 29, last90: 89, last365: 364 } as const;
  const from = preset === 'ytd' ? `${to.slice(0, 4)}-01-01` : addDaysIso(to, -back[preset]);
  return { from: from < data.from ? data.from : from, to };
}

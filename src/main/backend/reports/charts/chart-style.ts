/** One palette and type scale for every report chart, so the memo reads as one document. */
export const PALETTE = ['#0f766e', '#2563eb', '#d97706', '#7c3aed', '#db2777', '#65a30d', '#475569'];
export const INK = '#1f2933';
export const MUTED = '#6b7280';
export const GRID_LINE = '#e5e7eb';
export const ALERT = '#dc2626';
export const FONT_FAMILY = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

export const baseTextStyle = { fontFamily: FONT_FAMILY, color: INK, fontSize: 11 };

export const valueAxisStyle = {
  axisLabel: { color: MUTED, fontSize: 10 },
  splitLine: { lineStyle: { color: GRID_LINE } },
};

export function formatMoneyShort(value: number, currency: string | null): string {
  const abs = Math.abs(value);
  const text = abs >= 1_000_000 ? `${(value / 1_000_000).toFixed(1)}M` : abs >= 10_000 ? `${(value / 1000).toFixed(0)}k` : abs >= 1000 ? `${(value / 1000).toFixed(1)}k` : value.toFixed(0);
  return currency ? `${text} ${currency}` : text;
}

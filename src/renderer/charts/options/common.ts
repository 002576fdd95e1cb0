/** Shared option pieces: consistent grids, tooltips and axis label handling for every chart. */
export type ValueFormatter = (value: number | null) => string;

export const GRID = { left: 12, right: 16, top: 36, bottom: 8, containLabel: true } as const;

/**
 * For a date axis without boundary gap: its last label is centred on the plot's right edge, and
 * containLabel does not count that overhang, so a 16 px margin cut "2024-12-27" to "2024-12-2".
 */
export const DATE_AXIS_GRID = { ...GRID, right: 36 } as const;

export function axisTooltip(format: ValueFormatter) {
  return {
    trigger: 'axis',
    confine: true,
    valueFormatter: (value: unknown) => format(typeof value === 'number' ? value : null),
  } as const;
}

/**
 * A daily series past four months gets a zoom slider under its plot (and the room for it); a
 * shorter one is drawn whole.
 */
export function dailyZoom(days: number): { gridBottom: number; dataZoom: object[] } {
  return days > 120 ? { gridBottom: 48, dataZoom: [{ type: 'inside' }, { type: 'slider', height: 20, bottom: 8 }] } : { gridBottom: GRID.bottom, dataZoom: [] };
}

export const LEGEND_TOP = { top: 0, left: 'center', type: 'scroll' } as const;

/** Long names (products, categories) are cut with an ellipsis instead of overlapping. */
export function truncatedLabel(width: number) {
  return { width, overflow: 'truncate', hideOverlap: true } as const;
}

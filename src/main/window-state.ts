import { z } from 'zod';

export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  isMaximized: z.boolean().default(false),
});
export type WindowState = z.output<typeof WindowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, isMaximized: false };

/** How much of the title bar area must be on a screen for a saved position to be reused. */
const MIN_VISIBLE_PX = 80;

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Makes a saved window state safe for the current screens: a monitor may have been unplugged
 * since, which would open the window off screen. Then the OS centres it, at a size that fits.
 */
export function fitToDisplays(saved: unknown, workAreas: readonly Rect[]): WindowState {
  const parsed = WindowStateSchema.safeParse(saved);
  const state = parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  const largest = [...workAreas].sort((a, b) => b.width * b.height - a.width * a.height)[0];
  const width = largest ? Math.min(state.width, largest.width) : state.width;
  const height = largest ? Math.min(state.height, largest.height) : state.height;
  const { x, y } = state;
  if (x === undefined || y === undefined) return { width, height, isMaximized: state.isMaximized };
  const titleBar: Rect = { x, y, width, height: Math.min(40, height) };
  const isVisible = workAreas.some((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(MIN_VISIBLE_PX, width) && o.height > 0;
  });
  return isVisible ? { x, y, width, height, isMaximized: state.isMaximized } : { width, height, isMaximized: state.isMaximized };
}

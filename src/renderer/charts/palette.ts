/** One palette for both themes: distinct hues that keep contrast on white and on the dark surface. */
export const PALETTE = ['#4f6bed', '#1fa39a', '#f59e0b', '#e5484d', '#8e6bd8', '#3fa7d6', '#7fa32f', '#d9627f', '#a47148', '#64748b'];

export function paletteColour(index: number): string {
  return PALETTE[index % PALETTE.length] ?? '#4f6bed';
}

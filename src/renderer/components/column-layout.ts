/** What the layout needs of a column: see TableColumn. */
export interface ColumnSizing {
  id: string;
  width?: number;
  grows?: boolean;
}

export interface ColumnLayout {
  /** The table's minimum width in pixels: below it, the table scrolls sideways. */
  minWidth: number;
  /** The CSS width of a column's header cell (the table is `table-layout: fixed`). */
  widthOf(id: string): string | undefined;
}

const DEFAULT_WIDTH = 140;
/** A table of shares may shrink this far before it scrolls (see below). */
const SHARE_SQUEEZE = 0.85;

/**
 * Two ways to size a fixed-layout table.
 * - With a growing column: every other column keeps its pixel width and the growing ones split
 *   what is left, never going below their own width. Dates, counts and badges then never clip;
 *   only the free text does, and it is the text a tooltip can show whole.
 * - Without one: widths are shares of the table, which may shrink to 85 % of their sum before it
 *   scrolls sideways, so a table a little wider than its panel fits with ellipsised cells instead
 *   of hiding its last column behind a scrollbar.
 */
export function columnLayout(columns: ColumnSizing[]): ColumnLayout {
  const widthOf = (column: ColumnSizing): number => column.width ?? DEFAULT_WIDTH;
  const nominal = columns.reduce((sum, column) => sum + widthOf(column), 0);
  const byId = new Map(columns.map((column) => [column.id, column]));
  if (columns.some((column) => column.grows)) {
    return {
      minWidth: nominal,
      widthOf: (id) => {
        const column = byId.get(id);
        return column && !column.grows ? `${widthOf(column)}px` : undefined;
      },
    };
  }
  return {
    minWidth: Math.round(nominal * SHARE_SQUEEZE),
    widthOf: (id) => {
      const column = byId.get(id);
      return column ? `${((widthOf(column) / nominal) * 100).toFixed(2)}%` : undefined;
    },
  };
}

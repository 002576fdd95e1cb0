import { memo, type KeyboardEvent, type ReactElement } from 'react';
import type { TableColumn } from './DataTable';

export const ROW_HEIGHT = 34;

interface DataTableRowProps<T> {
  row: T;
  index: number;
  columns: TableColumn<T>[];
  label: string | undefined;
  /** Stable across renders (the table reads its latest handlers through a ref). */
  onActivate: ((row: T) => void) | undefined;
  onKey: (event: KeyboardEvent<HTMLTableRowElement>, index: number, row: T) => void;
}

/** Text values become the cell's tooltip: a name or a path cut short by its column reads whole on hover. */
const textOf = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * One body row of a virtual table. Memoised: while a table scrolls, only the rows that come into
 * view render; the ones already on screen keep their element and their cells' formatting.
 */
function DataTableRowView<T>({ row, index, columns, label, onActivate, onKey }: DataTableRowProps<T>) {
  return (
    <tr
      data-index={index}
      aria-rowindex={index + 2}
      tabIndex={0}
      className={onActivate ? 'is-clickable' : undefined}
      aria-label={label}
      onClick={onActivate ? () => onActivate(row) : undefined}
      onKeyDown={(event) => onKey(event, index, row)}
      style={{ height: ROW_HEIGHT }}
    >
      {columns.map((column) => (
        <td key={column.id} style={{ textAlign: column.align ?? 'left' }} title={textOf(column.value(row))}>
          {column.cell(row)}
        </td>
      ))}
    </tr>
  );
}

export const DataTableRow = memo(DataTableRowView) as <T>(props: DataTableRowProps<T>) => ReactElement;

import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { downloadText, fileSlug, toCsv, type CsvCell } from '../lib/csv';
import { DataTableRow, ROW_HEIGHT } from './DataTableRow';
import { columnLayout } from './column-layout';
import { MetricInfo } from './MetricInfo';

export interface TableColumn<T> {
  id: string;
  header: string;
  cell(row: T): ReactNode;
  /** The raw value: used for client-side sorting and CSV export. */
  value(row: T): CsvCell;
  align?: 'left' | 'right';
  /** Pixels; the column's minimum when it grows. */
  width?: number;
  /**
   * Takes the space the fixed columns leave (names, paths, messages). A table with a growing
   * column keeps every other column at its width, so dates, counts and badges never clip.
   */
  grows?: boolean;
  isSortable?: boolean;
  metricId?: string;
}

export interface TableSort {
  id: string;
  isDescending: boolean;
}

/** A server-paged result read by index: only the rows on screen are ever looked up. */
export interface PagedRows<T> {
  count: number;
  at(index: number): T;
}

interface DataTableProps<T> {
  /** data-table attribute for tests, and the CSV file name's fallback. */
  id: string;
  title: string;
  columns: TableColumn<T>[];
  /** Every row, or a paged result (then sorting is the server's: pass onSortChange). */
  rows: T[] | PagedRows<T>;
  /** Server-side sorting when given; otherwise the table sorts what it holds. */
  sort?: TableSort | null;
  onSortChange?(sort: TableSort | null): void;
  onRowClick?(row: T): void;
  rowLabel?(row: T): string;
  /** Visible index range, for tables that fetch pages as they scroll. */
  onRangeChange?(start: number, end: number): void;
  /** Whole-result rows for CSV export (e.g. every page from the server); defaults to `rows`. */
  exportRows?(): Promise<T[]> | T[];
  height?: number;
  toolbar?: ReactNode;
  caption?: ReactNode;
}

const NO_ROWS: never[] = [];

/**
 * TanStack Table for the model (columns, sorting) and TanStack Virtual for the rows, so 100k
 * rows cost as much as the 30 on screen. Rows are real <tr>s between two spacer rows, which keeps
 * table semantics for screen readers and a sticky header.
 */
export function DataTable<T>({ id, title, columns, rows, sort, onSortChange, onRowClick, rowLabel, onRangeChange, exportRows, height = 420, toolbar, caption }: DataTableProps<T>) {
  const isServerSorted = onSortChange !== undefined;
  const paged: PagedRows<T> | null = Array.isArray(rows) ? null : rows;
  const rowList: T[] = Array.isArray(rows) ? rows : NO_ROWS;
  const [localSorting, setLocalSorting] = useState<SortingState>([]);
  const sorting: SortingState = isServerSorted ? (sort ? [{ id: sort.id, desc: sort.isDescending }] : []) : localSorting;
  const [isExporting, setIsExporting] = useState(false);

  const columnDefs = useMemo<ColumnDef<T>[]>(
    () =>
      columns.map((column) => ({
        id: column.id,
        header: column.header,
        accessorFn: (row: T) => column.value(row),
        cell: (info) => column.cell(info.row.original),
        enableSorting: column.isSortable ?? !isServerSorted,
        sortUndefined: 'last',
        size: column.width ?? 140,
      })),
    [columns, isServerSorted],
  );

  // Server-driven tables (paged, maybe 100k rows) skip TanStack's row model entirely: it would
  // rebuild a row object per row whenever a page arrives. Rows are read by index instead.
  const table = useReactTable({
    data: isServerSorted ? NO_ROWS : rowList,
    columns: columnDefs,
    state: { sorting },
    manualSorting: isServerSorted,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      if (isServerSorted) onSortChange?.(next[0] ? { id: next[0].id, isDescending: next[0].desc } : null);
      else setLocalSorting(next);
    },
    getCoreRowModel: getCoreRowModel(),
    ...(isServerSorted ? {} : { getSortedRowModel: getSortedRowModel() }),
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const modelRows = table.getRowModel().rows;
  const rowCount = paged ? paged.count : isServerSorted ? rowList.length : modelRows.length;
  const rowAt = (index: number): T | undefined => (paged ? paged.at(index) : isServerSorted ? rowList[index] : modelRows[index]?.original);
  const virtualizer = useVirtualizer({ count: rowCount, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 6 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (rowCount > 0) onRangeChange?.(first, last);
  }, [first, last, rowCount, onRangeChange]);

  async function exportCsv() {
    setIsExporting(true);
    try {
      const all = exportRows ? await exportRows() : isServerSorted ? rowList : table.getSortedRowModel().rows.map((r) => r.original);
      downloadText(`${fileSlug(title)}.csv`, toCsv(columns.map((c) => c.header), all.map((row) => columns.map((c) => c.value(row)))));
    } finally {
      setIsExporting(false);
    }
  }

  function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, index: number, row: T) {
    if (event.key === 'Enter' && onRowClick) return onRowClick(row);
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const target = Math.max(0, Math.min(rowCount - 1, index + step));
    virtualizer.scrollToIndex(target);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${target}"]`)?.focus());
  }
  // Rows are memoised, so they get handlers that never change and call the latest ones.
  const latest = useRef({ onRowClick, onRowKey });
  latest.current = { onRowClick, onRowKey };
  const activateRow = useCallback((row: T) => latest.current.onRowClick?.(row), []);
  const keyOnRow = useCallback((event: KeyboardEvent<HTMLTableRowElement>, index: number, row: T) => latest.current.onRowKey(event, index, row), []);

  const layout = columnLayout(columns);
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0) : 0;
  const colCount = columns.length;

  return (
    <div className="data-table" data-table={id}>
      <div className="table-toolbar">
        {toolbar}
        <span className="spacer" />
        <button type="button" className="ghost" onClick={() => void exportCsv()} disabled={isExporting || rowCount === 0} aria-label={`Export ${title} as CSV`}>
          {isExporting ? 'Exporting…' : 'CSV'}
        </button>
      </div>
      <div className="table-scroll" ref={scrollRef} style={{ height: Math.min(height, (rowCount + 1) * ROW_HEIGHT + 2) }} tabIndex={-1}>
        <table aria-label={title} aria-rowcount={rowCount + 1} style={{ minWidth: layout.minWidth }}>
          {caption && <caption className="sr-only">{caption}</caption>}
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const spec = columns.find((c) => c.id === header.column.id);
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      style={{ width: layout.widthOf(header.column.id), textAlign: spec?.align ?? 'left' }}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    >
                      {header.column.getCanSort() ? (
                        <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                      {spec?.metricId && <MetricInfo metricId={spec.metricId} />}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr aria-hidden="true">
                <td colSpan={colCount} style={{ height: paddingTop, padding: 0, border: 0 }} />
              </tr>
            )}
            {items.map((item) => {
              const row = rowAt(item.index);
              if (row === undefined) return null;
              return (
                <DataTableRow<T>
                  key={isServerSorted ? item.index : (modelRows[item.index]?.id ?? item.index)}
                  row={row}
                  index={item.index}
                  columns={columns}
                  label={rowLabel?.(row)}
                  onActivate={onRowClick ? activateRow : undefined}
                  onKey={keyOnRow}
                />
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true">
                <td colSpan={colCount} style={{ height: paddingBottom, padding: 0, border: 0 }} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/**
 * CSV for spreadsheets. A cell that starts with = + - @ (or a tab/CR that some spreadsheets
 * strip first) would be run as a formula when the file is opened ("CSV injection"), so such text
 * is prefixed with a single quote. Numbers stay numbers: a negative amount is data, not a formula.
 */
export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCsvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [columns.map(escapeCsvCell).join(',')];
  for (const row of rows) lines.push(columns.map((_, i) => escapeCsvCell(row[i])).join(','));
  // CRLF is what RFC 4180 and Excel expect.
  return `${lines.join('\r\n')}\r\n`;
}

/** Starts a download of `content` as `fileName` (browser and Electron renderer alike). */
export function downloadText(fileName: string, content: string, mime = 'text/csv;charset=utf-8'): void {
  // The BOM makes Excel read UTF-8 names (São Paulo) correctly.
  const blob = new Blob(['\ufeff', content], { type: mime });
  downloadUrl(fileName, URL.createObjectURL(blob), true);
}

export function downloadUrl(fileName: string, url: string, isObjectUrl = false): void {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  if (isObjectUrl) setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file-name-safe slug: "Top customers" → "top-customers". */
export function fileSlug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'export';
}

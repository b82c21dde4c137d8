// Number formats and a plain-text table for the bench's report.

/** "1,234" for counts and rates; "—" for a missing value. */
export const count = (n) => (n == null ? '—' : Math.round(n).toLocaleString('en-US'));
/** Milliseconds with one decimal. */
export const ms = (n) => (n == null ? '—' : `${n.toFixed(1)} ms`);
/** Seconds with two decimals, from milliseconds. */
export const seconds = (n) => (n == null ? '—' : `${(n / 1000).toFixed(2)} s`);
/** Mebibytes, whole. */
export const mb = (n) => (n == null ? '—' : `${Math.round(n)} MB`);
/** A ratio, with three decimals below 0.1 so that small ones still differ. */
export const ratio = (n) => (n == null ? '—' : `${n.toFixed(n < 0.1 ? 3 : 2)}×`);
/** A percentage with one decimal; `signed` shows + for growth. */
export const percent = (n, signed = false) =>
  n == null ? '—' : `${signed && n > 0 ? '+' : ''}${n.toFixed(1)} %`;
/** Kibibytes with one decimal, and the bytes. */
export const kb = (n) => (n == null ? '—' : `${(n / 1024).toFixed(1)} KB`);

/**
 * Lines of a table: a header row, a rule, then rows. `align` has one letter per column,
 * l or r (default: the first column left, the others right).
 */
export function formatTable(headers, rows, align = 'l' + 'r'.repeat(headers.length - 1)) {
  const cells = [headers, ...rows].map((row) => row.map((cell) => String(cell ?? '')));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) =>
    row
      .map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [
    line(cells[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].map((text) => `  ${text}`);
}

/**
 * A small grid of cells that becomes either a hand-made looking CSV or an .xlsx: the shapes
 * accountants really send (title rows, US and ISO dates, "$1,234.50" amounts, trailing blanks).
 */
import { csvField } from './csv-writer.ts';
import { isoDay, usDay } from './dates.ts';
import type { XlsxCell } from './xlsx-writer.ts';

/** '1,234.56' with thousands separators (no currency symbol). */
export function thousands(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.round(cents));
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = abs % 100;
  return `${sign}${whole}.${frac < 10 ? '0' : ''}${frac}`;
}

/** '$1,234.56', or '-$1,234.56' when negative. */
export function dollars(cents: number): string {
  const text = thousands(cents);
  return text.startsWith('-') ? `-$${text.slice(1)}` : `$${text}`;
}

/** A date written one of the two ways the files mix: 03/15/2025 (usually) or 2025-03-15. */
export function mixedDate(day: number, iso: boolean): string {
  return iso ? isoDay(day) : usDay(day);
}

export interface SheetOptions {
  /** Excel's "CSV UTF-8" starts with a byte-order mark. */
  bom: boolean;
  lineEnd: '\n' | '\r\n';
  /** Pad short rows (titles, blanks) with commas to the full width, as Excel does. */
  padTo: number;
  /** Empty lines at the end of the file. */
  trailingBlankLines: number;
}

/** The CSV text of a grid; non-string cells are written as plain text. */
export function sheetToCsv(rows: readonly (readonly XlsxCell[])[], options: SheetOptions): string {
  const text = (cell: XlsxCell): string => {
    if (cell === null) return '';
    if (typeof cell === 'string') return cell;
    if (typeof cell === 'number') return String(cell);
    if ('date' in cell) return usDay(cell.date);
    if ('money' in cell) return dollars(Math.round(cell.money * 100));
    return cell.bold;
  };
  const lines = rows.map((row) => {
    const cells = row.map((c) => csvField(text(c)));
    while (cells.length < options.padTo) cells.push('');
    return cells.join(',');
  });
  for (let i = 0; i < options.trailingBlankLines; i++)
    lines.push(i === 0 ? ','.repeat(Math.max(0, options.padTo - 1)) : '');
  return (options.bom ? '\uFEFF' : '') + lines.join(options.lineEnd) + options.lineEnd;
}

/**
 * One staged part file's text: a header line, then RFC 4180 rows. Dates as YYYY-MM-DD, times as
 * YYYY-MM-DD HH:MM:SS.fff (UTC), NULL as an empty field; loaders read empty fields as NULL.
 */
import type { SourceColumn, SourceValue } from '../sources/extract-source.ts';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvPart(
  columns: readonly SourceColumn[],
  rows: readonly Record<string, SourceValue>[],
): string {
  const formats = columns.map((c) => cellFormat(c.type));
  const lines = [columns.map((c) => c.name).join(',')];
  for (const row of rows) {
    lines.push(columns.map((c, i) => (formats[i] as CellFormat)(row[c.name] ?? null)).join(','));
  }
  return `${lines.join('\n')}\n`;
}

type CellFormat = (value: SourceValue) => string;

function cellFormat(type: string): CellFormat {
  const dateOnly = /^date\b/i.test(type.trim());
  return (value) => {
    if (value === null) return '';
    if (value instanceof Date) {
      const iso = value.toISOString();
      return dateOnly ? iso.slice(0, 10) : iso.slice(0, 23).replace('T', ' ');
    }
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (typeof value !== 'string') return String(value);
    if (value === '') return '""';
    return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  };
}

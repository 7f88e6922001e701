/**
 * Turns one accountants' file into clean rows and rejects. Rows before the header (titles, the
 * period, blank lines) are skipped; so are blank rows and the summary rows a person adds (an
 * expense report's Total, a statement's opening and closing balances), which are kept as control
 * figures instead. Every other row is either good (each field parses) or one reject naming the
 * first field that does not, in column order, as Redshift reports a line's first error.
 */
import type { LoadReject } from '../file-loads/load-reject.ts';
import { isBlank, type Parsed, parseAmount, parseDate } from '../file-loads/parse-values.ts';
import { type CellValue, cellText, type SheetRow } from '../file-loads/sheet-rows.ts';
import {
  ACCOUNTANT_LAYOUTS,
  type AccountantLayout,
  type LayoutField,
  matchHeader,
} from './accountant-layouts.ts';

export interface GoodRow {
  line: number;
  /** Field name -> value in the warehouse's form (YYYY-MM-DD, '1234.50', text); null when empty. */
  values: Map<string, string | null>;
}

export interface AccountantFileContents {
  layout: AccountantLayout | undefined;
  rows: GoodRow[];
  rejects: LoadReject[];
  /** Summary figures the file states about itself: Total; opening and closing balance. */
  controls: Map<string, string>;
}

/** Rows to look at for a header before giving up on the file. */
const HEADER_SEARCH_ROWS = 30;

const COLUMN_TYPE = { date: 'date', amount: 'decimal(14,2)' } as const;

function columnType(field: LayoutField): string {
  return field.type === 'text' ? `varchar(${field.maxLength ?? 256})` : COLUMN_TYPE[field.type];
}

function parseText(field: LayoutField, value: CellValue): Parsed<string | null> {
  const text = cellText(value).trim();
  if (text === '') {
    return field.required
      ? { ok: false, reason: `missing ${field.name}`, message: `the ${field.name} is empty` }
      : { ok: true, value: null };
  }
  if (field.maxLength !== undefined && text.length > field.maxLength) {
    return {
      ok: false,
      reason: 'value too long',
      message: `${text.length} characters, more than the ${field.maxLength} ${field.name} can hold`,
    };
  }
  return { ok: true, value: text };
}

function parseField(field: LayoutField, value: CellValue, optionalAmount: boolean): Parsed<string | null> {
  if (field.type === 'date') return parseDate(value);
  if (field.type === 'amount')
    return optionalAmount && isBlank(value) ? { ok: true, value: null } : parseAmount(value);
  return parseText(field, value);
}

const textOf = (cells: readonly CellValue[], index: number | undefined): string =>
  index === undefined ? '' : cellText(cells[index] ?? null).trim();

/** A summary row: its control figure's name and value cell, or undefined for an ordinary row. */
function summaryOf(
  layout: AccountantLayout,
  columns: Map<string, number>,
  cells: readonly CellValue[],
): { name: string; value: CellValue } | undefined {
  if (layout.kind === 'expenses') {
    const isTotal = cells.some((cell) => /^(grand )?total$/i.test(cellText(cell).trim()));
    if (
      isTotal &&
      isBlank(cells[columns.get('date') ?? -1] ?? null) &&
      textOf(cells, columns.get('vendor')) === ''
    )
      return { name: 'total', value: cells[columns.get('amount') ?? -1] ?? null };
    return undefined;
  }
  const balance = /^(opening|closing) balance$/i.exec(textOf(cells, columns.get('description')));
  if (!balance) return undefined;
  return {
    name: `${(balance[1] as string).toLowerCase()} balance`,
    value: cells[columns.get('balance') ?? -1] ?? null,
  };
}

export async function readAccountantFile(rows: AsyncIterable<SheetRow>): Promise<AccountantFileContents> {
  const contents: AccountantFileContents = { layout: undefined, rows: [], rejects: [], controls: new Map() };
  let columns: Map<string, number> | undefined;
  let headerNames: string[] = [];
  let width = 0;
  for await (const row of rows) {
    if (!contents.layout) {
      if (row.line > HEADER_SEARCH_ROWS) break;
      const texts = row.cells.map(cellText);
      for (const layout of ACCOUNTANT_LAYOUTS) {
        const match = matchHeader(layout, texts);
        if (!match) continue;
        [contents.layout, columns, headerNames] = [layout, match, texts.map((t) => t.trim())];
        width = texts.reduce((last, text, i) => (text.trim() === '' ? last : i + 1), 0);
        break;
      }
      continue;
    }
    const layout = contents.layout;
    const at = columns as Map<string, number>;
    if (row.cells.every(isBlank)) continue;
    const summary = summaryOf(layout, at, row.cells);
    if (summary) {
      const parsed = parseAmount(summary.value);
      if (parsed.ok) contents.controls.set(summary.name, parsed.value);
      continue;
    }
    const extra = row.cells.findIndex((cell, i) => i >= width && !isBlank(cell));
    if (extra >= 0) {
      contents.rejects.push({
        line: row.line,
        column: null,
        columnType: null,
        rawValue: cellText(row.cells[extra] ?? null),
        rawLine: row.raw,
        reason: 'wrong column count',
        message: `the header has ${width} columns but this row has a value in column ${extra + 1}`,
      });
      continue;
    }
    const values = new Map<string, string | null>();
    let reject: LoadReject | undefined;
    const bothAmountsBlank =
      layout.kind === 'bank-statement' &&
      isBlank(row.cells[at.get('withdrawals') ?? -1] ?? null) &&
      isBlank(row.cells[at.get('deposits') ?? -1] ?? null);
    for (const field of layout.fields) {
      const index = at.get(field.name);
      if (index === undefined) {
        values.set(field.name, null);
        continue;
      }
      const cell = row.cells[index] ?? null;
      // A statement line holds a withdrawal or a deposit: either may be empty, not both.
      const optionalAmount =
        layout.kind === 'bank-statement' && !(bothAmountsBlank && field.name === 'withdrawals');
      const parsed = parseField(field, cell, optionalAmount);
      if (!parsed.ok) {
        reject = {
          line: row.line,
          column: headerNames[index] || field.name,
          columnType: columnType(field),
          rawValue: cellText(cell),
          rawLine: row.raw,
          reason: parsed.reason,
          message:
            bothAmountsBlank && field.name === 'withdrawals'
              ? 'neither withdrawals nor deposits holds an amount'
              : parsed.message,
        };
        break;
      }
      values.set(field.name, parsed.value);
    }
    if (reject) contents.rejects.push(reject);
    else contents.rows.push({ line: row.line, values });
  }
  return contents;
}

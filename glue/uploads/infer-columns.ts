/**
 * Infers each column's name and type from the header and a sample of rows. Names become plain
 * lower-case identifiers ('Unit Price ($)' -> unit_price); a type is the narrowest kind every
 * non-empty sampled value fits (column-kinds.ts), with room to spare: decimals get at least 18
 * digits, text twice the widest sampled value. Rows after the sample that do not fit are
 * rejected, never loaded wrong.
 */
import { parseDate } from '../file-loads/parse-values.ts';
import { type ColumnType, checkValue, decimalShape } from './column-kinds.ts';

export interface InferredColumn {
  /** The header as written in the file. */
  header: string;
  /** The warehouse column name. */
  name: string;
  type: ColumnType;
  /** Up to three distinct sampled values, for the report. */
  examples: string[];
  /** Sampled rows with no value. */
  empty: number;
}

const MAX_TEXT_BYTES = 65535;
const RESERVED = new Set([
  'select',
  'from',
  'where',
  'table',
  'order',
  'group',
  'user',
  'limit',
  'default',
  'column',
  'check',
  'all',
  'and',
  'or',
  'not',
  'null',
  'true',
  'false',
  'date',
  'timestamp',
  'to',
  'as',
  'in',
  'is',
  'on',
  'case',
  'end',
  'create',
  'primary',
  'references',
  'unique',
  'desc',
  'asc',
  'offset',
  'both',
  'cast',
  'having',
  'into',
  'union',
  'when',
  'then',
  'else',
  'with',
]);

export function columnNames(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  return headers.map((header, i) => {
    let name = header
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 60);
    if (name === '') name = `column_${i + 1}`;
    if (/^\d/.test(name) || RESERVED.has(name)) name = `c_${name}`;
    let unique = name;
    for (let n = 2; seen.has(unique); n++) unique = `${name}_${n}`;
    seen.add(unique);
    return unique;
  });
}

function fitsAll(type: ColumnType, values: readonly string[]): boolean {
  return values.every((value) => checkValue(type, value).ok);
}

export function inferType(values: readonly string[]): ColumnType {
  if (values.length === 0) return { kind: 'text', maxBytes: 256 };
  if (fitsAll({ kind: 'boolean' }, values)) return { kind: 'boolean' };
  if (fitsAll({ kind: 'integer' }, values)) return { kind: 'integer' };
  const shapes = values.map((v) =>
    /^[-+]?\d+$/.test(v) ? { whole: v.replace(/^[-+]?0*/, '').length, scale: 0 } : decimalShape(v),
  );
  if (shapes.every((s) => s !== undefined)) {
    const scale = Math.max(...shapes.map((s) => s.scale));
    const whole = Math.max(...shapes.map((s) => s.whole));
    if (whole + scale <= 38)
      return { kind: 'decimal', precision: Math.min(38, Math.max(18, whole + scale + 2)), scale };
  }
  if (values.every((v) => parseDate(v).ok)) return { kind: 'date' };
  if (fitsAll({ kind: 'timestamp' }, values)) return { kind: 'timestamp' };
  if (fitsAll({ kind: 'double' }, values)) return { kind: 'double' };
  const widest = Math.max(...values.map((v) => Buffer.byteLength(v, 'utf8')));
  return {
    kind: 'text',
    maxBytes: Math.min(MAX_TEXT_BYTES, Math.max(256, 2 ** Math.ceil(Math.log2(widest * 2)))),
  };
}

/** Columns from the header and the sampled rows (cells already trimmed; '' is empty). */
export function inferColumns(
  headers: readonly string[],
  sample: readonly (readonly string[])[],
): InferredColumn[] {
  const names = columnNames(headers);
  return headers.map((header, i) => {
    const values = sample.map((row) => row[i] ?? '').filter((value) => value !== '');
    return {
      header,
      name: names[i] as string,
      type: inferType(values),
      examples: [...new Set(values)].slice(0, 3),
      empty: sample.length - values.length,
    };
  });
}

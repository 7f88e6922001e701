import { z } from 'zod';
import { CodedError, ErrorCode } from '../core/coded-error.ts';

/**
 * What charts/ reads: a result's shape, never its business. Columns say what each field is
 * (time, dimension, metric, compare = the same metric in the comparison period, share = part of
 * a whole) and how to print it; rows hold plain JSON values, as objects keyed by column name or
 * as arrays in column order.
 */
export const ColumnRole = z.enum(['time', 'dimension', 'metric', 'compare', 'share']);
export const ColumnFormat = z.enum(['currency', 'number', 'percent', 'days']);
export const TimeGrain = z.enum(['day', 'week', 'month', 'quarter', 'year']);

export const ChartColumnSchema = z.object({
  name: z.string().min(1).max(200),
  role: ColumnRole,
  format: ColumnFormat.optional(),
  label: z.string().max(200).optional(),
  /** For a time column: the grain of its values; inferred from the dates when absent. */
  grain: TimeGrain.optional(),
  /** For a compare column: the metric it compares with; the first metric when absent. */
  compares: z.string().optional(),
});

const JsonScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const ChartResultSchema = z.object({
  columns: z.array(ChartColumnSchema).min(1).max(50),
  rows: z.array(z.union([z.record(z.string(), JsonScalar), z.array(JsonScalar)])),
  title: z.string().max(300).optional(),
  /** Keep the rows' order for categories (the query ordered them) instead of sorting by value. */
  keepRowOrder: z.boolean().optional(),
});

export type ChartColumn = z.infer<typeof ChartColumnSchema>;
export type ChartResult = z.infer<typeof ChartResultSchema>;
export type ColumnFormat = z.infer<typeof ColumnFormat>;
export type TimeGrain = z.infer<typeof TimeGrain>;
export type CellValue = z.infer<typeof JsonScalar>;

/** Validates a result and returns its rows as arrays in column order. */
export function readResult(input: unknown): { result: ChartResult; table: CellValue[][] } {
  const parsed = ChartResultSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CodedError(
      ErrorCode.BadArgument,
      `The chart input is not a result: ${issue?.path.join('.') || '(root)'}: ${issue?.message}. ` +
        'Pass { columns: [{ name, role, format?, label? }], rows: [...] }.',
    );
  }
  const result = parsed.data;
  const names = result.columns.map((c) => c.name);
  if (new Set(names).size !== names.length) {
    throw new CodedError(ErrorCode.BadArgument, `The chart input names a column twice: ${names.join(', ')}.`);
  }
  const table = result.rows.map((row) =>
    Array.isArray(row) ? names.map((_, i) => row[i] ?? null) : names.map((n) => row[n] ?? null),
  );
  return { result, table };
}

/** A number from a cell: drivers hand numerics back as strings; anything else is a gap. */
export function toNumber(value: CellValue): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

export function columnLabel(column: ChartColumn): string {
  if (column.label) return column.label;
  const words = column.name.replace(/[_.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A label inside a sentence-case title: "Region" becomes "region", "SKU" stays. */
export function inTitle(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

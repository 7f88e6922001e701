/**
 * Describes a table for extraction from its column list alone (no business knowledge): the
 * watermark is row_version, reconciliation groups by the first non-null date column and sums
 * every decimal column and every integer column that is not a key, an id or the watermark.
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { SourceColumn, SourceTable } from './extract-source.ts';

export interface TableShape {
  name: string;
  columns: readonly SourceColumn[];
  primaryKey: readonly string[];
}

export const WATERMARK_COLUMN = 'row_version';
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

export function sourceTableOf(shape: TableShape): SourceTable {
  for (const name of [shape.name, ...shape.columns.map((c) => c.name)]) {
    if (!IDENTIFIER.test(name)) {
      throw new CodedError(ErrorCode.BadArgument, `"${name}" is not a plain lower-case identifier.`);
    }
  }
  if (!shape.columns.some((c) => c.name === WATERMARK_COLUMN)) {
    throw new CodedError(
      ErrorCode.EtlSourceFailed,
      `Table ${shape.name} has no ${WATERMARK_COLUMN} column, so it cannot be extracted incrementally.`,
    );
  }
  const day = shape.columns.find((c) => !c.nullable && baseType(c.type) === 'date');
  const sums = shape.columns
    .filter((c) => {
      const type = baseType(c.type);
      if (type === 'decimal' || type === 'numeric' || type === 'money') return true;
      const integer = type === 'int' || type === 'bigint' || type === 'smallint' || type === 'tinyint';
      return (
        integer &&
        c.name !== WATERMARK_COLUMN &&
        !c.name.endsWith('_id') &&
        !shape.primaryKey.includes(c.name)
      );
    })
    .map((c) => c.name);
  return {
    name: shape.name,
    columns: shape.columns.map(({ name, type, nullable }) => ({ name, type, nullable })),
    primaryKey: [...shape.primaryKey],
    watermarkColumn: WATERMARK_COLUMN,
    ...(day ? { dayColumn: day.name } : {}),
    sumColumns: sums,
  };
}

function baseType(type: string): string {
  return type.trim().toLowerCase().replace(/\(.*$/, '');
}

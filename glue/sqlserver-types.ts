/**
 * SQL Server column types (as the ERP declares them) to warehouse column types. The only place
 * that knows how the dialects differ here: Redshift measures VARCHAR in bytes and caps it at
 * 65535, so a character length becomes up to four bytes per character.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { WarehouseDialect } from '../db/warehouse.ts';

const REDSHIFT_MAX_VARCHAR = 65535;

export function toWarehouseType(sqlServerType: string, dialect: WarehouseDialect): string {
  const type = sqlServerType.trim().toLowerCase();
  const match = /^([a-z0-9]+)\s*(?:\(\s*([^)]*)\s*\))?$/.exec(type);
  if (!match) throw unknownType(sqlServerType);
  const [, base, args] = match;
  switch (base) {
    case 'int':
      return 'INTEGER';
    case 'bigint':
      return 'BIGINT';
    case 'smallint':
    case 'tinyint':
      return 'SMALLINT';
    case 'bit':
      return 'BOOLEAN';
    case 'decimal':
    case 'numeric':
      return args ? `DECIMAL(${args.replace(/\s+/g, '')})` : 'DECIMAL(18,0)';
    case 'money':
      return 'DECIMAL(19,4)';
    case 'float':
      return 'DOUBLE PRECISION';
    case 'real':
      return 'REAL';
    case 'date':
      return 'DATE';
    case 'datetime':
    case 'datetime2':
    case 'smalldatetime':
      return 'TIMESTAMP';
    case 'uniqueidentifier':
      return 'VARCHAR(36)';
    case 'char':
    case 'nchar':
    case 'varchar':
    case 'nvarchar':
      return varchar(args, dialect, base.startsWith('n'));
    default:
      throw unknownType(sqlServerType);
  }
}

function varchar(length: string | undefined, dialect: WarehouseDialect, unicode: boolean): string {
  if (dialect !== 'redshift') return length && length !== 'max' ? `VARCHAR(${length})` : 'VARCHAR';
  if (!length || length === 'max') return `VARCHAR(${REDSHIFT_MAX_VARCHAR})`;
  const bytes = Number(length) * (unicode ? 4 : 1);
  return `VARCHAR(${Math.min(bytes, REDSHIFT_MAX_VARCHAR)})`;
}

function unknownType(type: string): CodedError {
  return new CodedError(
    ErrorCode.BadArgument,
    `SQL Server type "${type}" has no warehouse mapping; add it to glue/sqlserver-types.ts`,
  );
}

/**
 * The shape of a table description: enough for a loader to write DDL (SQL Server types,
 * nullability, keys) and for docs to explain each column in one line.
 */

export interface ColumnSpec {
  name: string;
  /** SQL Server type, e.g. 'int', 'nvarchar(80)', 'decimal(12,2)', 'date', 'datetime2', 'bit', 'bigint'. */
  type: string;
  nullable: boolean;
  description: string;
  /** 'table.column' this column points to, for DDL foreign keys and ER diagrams. */
  references?: string;
}

export interface TableSpec {
  name: string;
  folder: 'erp' | 'ledger';
  description: string;
  primaryKey: readonly string[];
  columns: readonly ColumnSpec[];
}

/** A NOT NULL column. */
export function col(name: string, type: string, description: string, references?: string): ColumnSpec {
  return references === undefined
    ? { name, type, nullable: false, description }
    : { name, type, nullable: false, description, references };
}

/** A nullable column. */
export function opt(name: string, type: string, description: string, references?: string): ColumnSpec {
  return { ...col(name, type, description, references), nullable: true };
}

/** The change-tracking pair every ERP table carries, for incremental extraction by watermark. */
export function changeTracking(what: string): ColumnSpec[] {
  return [
    col('modified_at', 'datetime2', `When the ${what} was last inserted or changed`),
    col(
      'row_version',
      'bigint',
      `Increases with every change to a ${what} (watermark for incremental extracts)`,
    ),
  ];
}

/** Relative path of a table's CSV under the output folder. */
export function tableFile(table: Pick<TableSpec, 'name' | 'folder'>): string {
  return `${table.folder}/${table.name}.csv`;
}

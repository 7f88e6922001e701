import { describe, expect, it } from 'vitest';
import type { WarehouseDialect } from '../db/warehouse.ts';
import { toWarehouseType } from './sqlserver-types.ts';

const DIALECTS: WarehouseDialect[] = ['duckdb', 'postgres', 'redshift'];

describe('toWarehouseType', () => {
  it('maps every ERP type for every dialect', () => {
    const mapped = Object.fromEntries(
      DIALECTS.map((dialect) => [
        dialect,
        ['int', 'bigint', 'bit', 'decimal(12, 2)', 'date', 'datetime2', 'nvarchar(80)', 'varchar(max)'].map(
          (t) => toWarehouseType(t, dialect),
        ),
      ]),
    );
    expect(Object.keys(mapped)).toHaveLength(3);
    expect(mapped).toEqual({
      duckdb: [
        'INTEGER',
        'BIGINT',
        'BOOLEAN',
        'DECIMAL(12,2)',
        'DATE',
        'TIMESTAMP',
        'VARCHAR(80)',
        'VARCHAR',
      ],
      postgres: [
        'INTEGER',
        'BIGINT',
        'BOOLEAN',
        'DECIMAL(12,2)',
        'DATE',
        'TIMESTAMP',
        'VARCHAR(80)',
        'VARCHAR',
      ],
      redshift: [
        'INTEGER',
        'BIGINT',
        'BOOLEAN',
        'DECIMAL(12,2)',
        'DATE',
        'TIMESTAMP',
        'VARCHAR(320)',
        'VARCHAR(65535)',
      ],
    });
  });

  it('names an unmapped type and where to add it', () => {
    expect(() => toWarehouseType('geography', 'duckdb')).toThrow(
      'SQL Server type "geography" has no warehouse mapping; add it to glue/sqlserver-types.ts',
    );
  });
});

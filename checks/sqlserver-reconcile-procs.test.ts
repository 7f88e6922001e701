/**
 * The T-SQL reconcile procedures (sql/sqlserver/usp_reconcile_*.sql), checked without a SQL
 * Server: the SELECT in each body parses with node-sql-parser's transactsql grammar and returns
 * exactly the documented columns from the right table; and the tables the mssql source reads
 * from the procedure headers (glue/sources/sqlserver-contracts.ts) equal the demo's ERP specs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import NodeSqlParser from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { erpTables } from '../demo/erp-tables.ts';
import { readSqlServerTables } from '../glue/sources/sqlserver-contracts.ts';
import { splitSqlStatements } from '../glue/sql-script.ts';
import { SQLSERVER_PROCS_DIR } from '../sql/warehouse-files.ts';

const parser = new NodeSqlParser.Parser();

type Ast = {
  type?: string;
  columns?: { as: string | null; expr: { type: string } }[];
  from?: { db: string; table: string }[];
  groupby?: unknown;
};

function astOf(statement: string): Ast {
  const ast = parser.astify(statement, { database: 'transactsql' });
  return (Array.isArray(ast) ? ast[0] : ast) as Ast;
}

function documentedColumns(text: string): string[] {
  const block = /Output contract:[^\n]*\n([\s\S]*?)\n {2}Rows:/.exec(text)?.[1] ?? '';
  return block.split('\n').map((line) => line.trim().split(/\s+/)[0] as string);
}

const tables = readSqlServerTables();

describe('ERP reconcile procedures', () => {
  it('exist for every ERP table and nothing else', () => {
    const files = readdirSync(SQLSERVER_PROCS_DIR).filter((f) => f.startsWith('usp_reconcile_'));
    expect(files.sort()).toEqual(erpTables.map((t) => `usp_reconcile_${t.name}.sql`).sort());
  });

  it.each(tables.map((t) => ({ table: t.name, spec: t })))(
    'usp_reconcile_$table parses and returns its documented figures',
    ({ spec }) => {
      const text = readFileSync(join(SQLSERVER_PROCS_DIR, `usp_reconcile_${spec.name}.sql`), 'utf8');
      expect(text).toContain(`CREATE OR ALTER PROCEDURE extract.usp_reconcile_${spec.name}\nAS\nBEGIN\n`);
      const body = /\nAS\nBEGIN\n([\s\S]*)\nEND;\nGO\n$/.exec(text)?.[1] ?? '';
      const statements = splitSqlStatements(body);
      expect(statements).toHaveLength(2);
      const [nocount, select] = statements as [string, string];
      expect(astOf(nocount).type).toBe('set');
      const ast = astOf(select);
      expect(ast.type).toBe('select');
      expect(ast.from?.map((f) => `${f.db}.${f.table}`)).toEqual([`dbo.${spec.name}`]);
      const expected = ['figure_day', 'row_count', ...spec.sumColumns];
      expect(ast.columns?.map((c) => c.as)).toEqual(expected);
      expect(documentedColumns(text)).toEqual(expected);
      expect(Boolean(ast.groupby)).toBe(spec.dayColumn !== undefined);
      if (spec.dayColumn)
        expect(select).toContain(`GROUP BY ${spec.dayColumn}\n  ORDER BY ${spec.dayColumn}`);
    },
  );

  it('describe the same tables as the demo ERP specs', () => {
    const fromDemo = erpTables.map((t) => ({
      name: t.name,
      columns: t.columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable })),
      primaryKey: [...t.primaryKey],
    }));
    const fromProcs = tables.map((t) => ({
      name: t.name,
      columns: t.columns,
      primaryKey: t.primaryKey,
    }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(fromProcs.sort(byName)).toEqual(fromDemo.sort(byName));
    for (const table of tables) {
      const types = new Map(table.columns.map((c) => [c.name, c.type]));
      for (const sum of table.sumColumns) expect(types.get(sum)).toMatch(/^(int|bigint|decimal\(\d+,\d+\))$/);
      if (table.dayColumn) expect(types.get(table.dayColumn)).toBe('date');
    }
  });

  it('would fail on a syntax error in the figures query', () => {
    expect(() => astOf('SELECT CAST(NULL AS date) AS figure_day,, COUNT(*) FROM dbo.t')).toThrow();
  });
});

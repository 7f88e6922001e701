/**
 * The T-SQL extract procedures (sql/sqlserver/), checked without a SQL Server: every statement
 * in each procedure body is parsed with node-sql-parser's transactsql grammar (which cannot
 * parse CREATE PROCEDURE itself, nor IF ... THROW, whose one allowed shape is matched exactly;
 * it also misreads TOP (@variable) as a function call, so that clause is matched as text and the
 * statement parsed with TOP (1) in its place),
 * and each procedure's documented and selected columns must equal the demo ERP table's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import NodeSqlParser from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { erpTables } from '../demo/erp-tables.ts';
import { splitSqlStatements } from '../glue/sql-script.ts';
import { SQLSERVER_PROCS_DIR } from '../sql/warehouse-files.ts';

const parser = new NodeSqlParser.Parser();
const GUARD =
  /^IF @batch_size IS NULL OR @batch_size < 1 OR @batch_size > 1000000\s+THROW 50001, N'[^']+', 1$/;

type Ast = {
  type?: string;
  columns?: { expr: { column: unknown } }[];
  from?: { db: string; table: string }[];
};

function astOf(statement: string): Ast {
  const ast = parser.astify(statement, { database: 'transactsql' });
  return (Array.isArray(ast) ? ast[0] : ast) as Ast;
}

function columnName(column: unknown): string {
  if (typeof column === 'string') return column;
  const value = (column as { expr?: { value?: string } }).expr?.value;
  return String(value);
}

/** The statements between AS BEGIN and END of the one procedure in a file. */
function body(text: string): string[] {
  const match = /\nAS\nBEGIN\n([\s\S]*)\nEND;\nGO\n$/.exec(text);
  if (!match?.[1]) throw new Error('no AS BEGIN ... END; GO procedure body');
  return splitSqlStatements(match[1]);
}

function documentedColumns(text: string): string[] {
  const block = /Output contract:[^\n]*\n([\s\S]*?)\n {2}Rows:/.exec(text)?.[1] ?? '';
  return block.split('\n').map((line) => line.trim().split(/\s+/).slice(0, 2).join(' '));
}

describe('ERP extract procedures', () => {
  it('exist for every ERP table and nothing else', () => {
    const files = readdirSync(SQLSERVER_PROCS_DIR).filter((f) => f.startsWith('usp_extract_'));
    expect(files.sort()).toEqual(erpTables.map((t) => `usp_extract_${t.name}.sql`).sort());
  });

  it.each(erpTables.map((t) => ({ table: t.name, spec: t })))(
    'usp_extract_$table parses and matches its table',
    ({ spec }) => {
      const text = readFileSync(join(SQLSERVER_PROCS_DIR, `usp_extract_${spec.name}.sql`), 'utf8');
      expect(text.startsWith(`/*\n  extract.usp_extract_${spec.name}: `)).toBe(true);
      expect(text).toContain(
        `CREATE OR ALTER PROCEDURE extract.usp_extract_${spec.name}\n  @since_row_version BIGINT,\n  @batch_size INT = 50000\nAS`,
      );
      expect(documentedColumns(text)).toEqual(spec.columns.map((c) => `${c.name} ${c.type}`));
      const statements = body(text);
      expect(statements).toHaveLength(3);
      const [nocount, guard, select] = statements as [string, string, string];
      expect(astOf(nocount).type).toBe('set');
      expect(guard).toMatch(GUARD);
      expect(select.startsWith('SELECT TOP (@batch_size)\n')).toBe(true);
      const ast = astOf(select.replace('TOP (@batch_size)', 'TOP (1)'));
      expect(ast.type).toBe('select');
      expect(ast.from?.map((f) => `${f.db}.${f.table}`)).toEqual([`dbo.${spec.name}`]);
      expect(ast.columns?.map((c) => columnName(c.expr.column))).toEqual(spec.columns.map((c) => c.name));
      expect(select).toMatch(/WHERE row_version > @since_row_version\s+ORDER BY row_version, /);
    },
  );

  it('would fail on a syntax error in a body statement', () => {
    expect(() => astOf('SELECT TOP (@batch_size) a,, b FROM dbo.t')).toThrow();
    expect(astOf('SELEC a FROM dbo.t').type).not.toBe('select');
  });
});

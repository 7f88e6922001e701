/**
 * What runs on Redshift (redshift/*.sql and the shared transforms and views) must avoid
 * Postgres-only syntax, and the Redshift DDL must carry the physical design it promises.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WAREHOUSE_SQL_DIR } from '../sql/warehouse-files.ts';
import { splitSqlStatements } from './sql-script.ts';

const FORBIDDEN: [string, RegExp][] = [
  ['SERIAL (use IDENTITY(1,1))', /\b(BIG|SMALL)?SERIAL\b/i],
  ['generate_series', /\bgenerate_series\b/i],
  ['FILTER (WHERE ...)', /\bFILTER\s*\(\s*WHERE\b/i],
  ['ON CONFLICT', /\bON\s+CONFLICT\b/i],
  [':: casts (use CAST)', /::/],
  ['TEXT columns (use VARCHAR(n))', /\bTEXT\b/i],
  ['arrays', /\bARRAY\s*\[|\[\]/i],
  ['STRING_AGG (use LISTAGG)', /\bSTRING_AGG\b/i],
  ['CREATE TABLE ... LIKE', /\bLIKE\s+dw\./i],
];

const redshiftFiles = ['redshift', 'shared/transform', 'shared/curated'].flatMap((folder) =>
  readdirSync(join(WAREHOUSE_SQL_DIR, folder))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => ({
      file: `${folder}/${f}`,
      sql: splitSqlStatements(readFileSync(join(WAREHOUSE_SQL_DIR, folder, f), 'utf8')).join(';\n'),
    })),
);

const tables = splitSqlStatements(readFileSync(join(WAREHOUSE_SQL_DIR, 'redshift', 'schema.sql'), 'utf8'))
  .filter((s) => s.startsWith('CREATE TABLE'))
  .map((ddl) => ({ name: /dw\.(\w+)/.exec(ddl)?.[1] ?? '', ddl }));

describe('SQL that runs on Redshift', () => {
  it.each(redshiftFiles)('$file uses no Postgres-only construct', ({ sql }) => {
    expect(sql.length).toBeGreaterThan(0);
    for (const [name, pattern] of FORBIDDEN) expect(pattern.test(sql), name).toBe(false);
  });

  it('catches a forbidden construct when one is there', () => {
    const bad =
      'CREATE TABLE t (id SERIAL, note TEXT); SELECT COUNT(*) FILTER (WHERE x) FROM generate_series(1, 3)';
    expect(FORBIDDEN.filter(([, pattern]) => pattern.test(bad)).map(([name]) => name)).toHaveLength(4);
  });
});

describe('Redshift schema physical design', () => {
  it('distributes every fact by key or evenly and sorts it by date', () => {
    const facts = tables.filter((t) => t.name.startsWith('fact_'));
    expect(facts).toHaveLength(6);
    for (const { name, ddl } of facts) {
      expect(ddl, name).toMatch(/\)\s*(DISTKEY \(\w+\)|DISTSTYLE EVEN)\s+(COMPOUND )?SORTKEY \(date_key[,)]/);
    }
    for (const big of ['fact_sales_line', 'fact_return', 'fact_inventory_snapshot', 'fact_purchase_line']) {
      expect(tables.find((t) => t.name === big)?.ddl).toMatch(/DISTKEY \(product_key\)/);
    }
  });

  it('copies every dimension to all nodes', () => {
    const dims = tables.filter((t) => t.name.startsWith('dim_'));
    expect(dims).toHaveLength(10);
    for (const { name, ddl } of dims)
      expect(ddl, name).toMatch(/\)\s*DISTSTYLE ALL SORTKEY \(\w+\) ENCODE AUTO$/);
  });

  it('numbers expenses with IDENTITY(1,1) and measures money as DECIMAL(14,2)', () => {
    expect(tables.find((t) => t.name === 'fact_expense')?.ddl).toMatch(
      /expense_id BIGINT IDENTITY\(1,1\) NOT NULL/,
    );
    const money = /(amount|_cost|_price|stock_value)\s+(\w+(\(\d+,\d+\))?)/g;
    const types = tables.flatMap((t) => [...t.ddl.matchAll(money)].map((m) => m[2]));
    expect(types.length).toBeGreaterThan(15);
    expect(new Set(types)).toEqual(new Set(['DECIMAL(14,2)']));
  });
});

/**
 * The compiler's table-driven cases: every case compiled for every dialect, run on DuckDB and on
 * the Postgres server over the same fixture data, and compared with a hand-written query over the
 * base tables. Redshift's SQL cannot run here: it is checked for Postgres/DuckDB-only syntax.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import NodeSqlParser from 'node-sql-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { openWarehouse } from '../../db/open-warehouse.ts';
import { createTestDatabase } from '../../db/test-postgres.ts';
import type { ResultValue, Warehouse, WarehouseDialect } from '../../db/warehouse.ts';
import { type CompiledQuery, compileQuery } from './compile-query.ts';
import { CLOCK_DAY, type CompileCase } from './test-fixtures/compile-case.ts';
import { filterCases } from './test-fixtures/compile-cases-filters.ts';
import { futureCases } from './test-fixtures/compile-cases-future.ts';
import { grainCases } from './test-fixtures/compile-cases-grains.ts';
import { joinCases } from './test-fixtures/compile-cases-joins.ts';
import { rangeCases } from './test-fixtures/compile-cases-ranges.ts';
import { rankingCases } from './test-fixtures/compile-cases-ranking.ts';
import { timeCases } from './test-fixtures/compile-cases-time.ts';
import { REDSHIFT_FORBIDDEN } from './test-fixtures/redshift-forbidden.ts';
import { loadTrapFixture, trapFixtureModel } from './test-fixtures/trap-fixture.ts';

const DIALECTS: WarehouseDialect[] = ['duckdb', 'postgres', 'redshift'];
const redshiftParser = new NodeSqlParser.Parser();
const model = trapFixtureModel();
const clock = fixedClock(new Date(`${CLOCK_DAY}T12:00:00Z`));
const cases: CompileCase[] = [
  ...rangeCases,
  ...grainCases,
  ...joinCases,
  ...filterCases,
  ...timeCases,
  ...rankingCases,
  ...futureCases,
];

let dir: string;
let duckdb: Warehouse;
let postgres: Warehouse;
let dropDatabase: () => Promise<void>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sl-compile-'));
  duckdb = await openWarehouse(`duckdb:${path.join(dir, 'fixture.duckdb')}`);
  const database = await createTestDatabase('sl_compile');
  dropDatabase = database.drop;
  postgres = await openWarehouse(database.url);
  await loadTrapFixture(duckdb);
  await loadTrapFixture(postgres);
}, 60_000);

afterAll(async () => {
  await duckdb?.close();
  await postgres?.close();
  await dropDatabase?.();
  await rm(dir, { recursive: true, force: true });
});

function normalize(rows: Record<string, ResultValue>[], columns: string[], ordered: boolean): string[] {
  const lines = rows.map((row) =>
    JSON.stringify(
      columns.map((c) => (typeof row[c] === 'number' ? Math.round((row[c] as number) * 1e6) / 1e6 : row[c])),
    ),
  );
  return ordered ? lines : lines.sort();
}

function compileAll(c: CompileCase): Record<WarehouseDialect, CompiledQuery> {
  const options = { clock, fiscalYearStartMonth: c.fiscal ?? 1 };
  return Object.fromEntries(
    DIALECTS.map((d) => [d, compileQuery(model, c.query, { ...options, dialect: d })]),
  ) as Record<WarehouseDialect, CompiledQuery>;
}

describe('compiled queries give the hand-written rows', () => {
  it('has at least 100 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it.each(cases)('$name', async (c) => {
    const compiled = compileAll(c);
    // The SQL and parameters of every dialect in one assertion per case (pinned in
    // __snapshots__/compile-query.test.ts.snap, reviewed like code): a dialect missing, added
    // or emitting other SQL fails the case; CI never writes snapshots, so a new case needs one.
    expect(
      Object.fromEntries(DIALECTS.map((d) => [d, { sql: compiled[d].sql, params: compiled[d].params }])),
    ).toMatchSnapshot();
    for (const [name, pattern] of REDSHIFT_FORBIDDEN)
      expect(pattern.test(compiled.redshift.sql), name).toBe(false);
    // Redshift SQL cannot run here: it must at least parse with a Redshift grammar.
    expect(() => redshiftParser.astify(compiled.redshift.sql, { database: 'Redshift' })).not.toThrow();
    for (const [warehouse, dialect] of [
      [duckdb, 'duckdb'],
      [postgres, 'postgres'],
    ] as const) {
      const { sql, params, columns } = compiled[dialect];
      const names = columns.map((col) => col.name);
      const got = await warehouse.query(sql, params);
      const want = await warehouse.query(c.expected);
      expect(
        got.columns.map((col) => col.name),
        dialect,
      ).toEqual(names);
      expect(want.rows.length, `${dialect}: the hand-written query returns rows`).toBeGreaterThan(0);
      expect(normalize(got.rows, names, c.ordered ?? false), dialect).toEqual(
        normalize(want.rows, names, c.ordered ?? false),
      );
    }
  });
});

describe('the fixture tells the right answer from the trap', () => {
  const rowsOf = async (warehouse: Warehouse, sql: string, params: readonly unknown[] = []) =>
    normalize((await warehouse.query(sql, params as never)).rows, ['channel', 'value'], false);

  it("ratio of sums differs from the average of the rows' ratios", async () => {
    const compiled = compileQuery(
      model,
      { metrics: ['discount_rate'], dimensions: ['orders.channel'] },
      { clock, fiscalYearStartMonth: 1, dialect: 'postgres' },
    );
    const right = await rowsOf(
      postgres,
      `SELECT channel, discount_rate AS value FROM (${compiled.sql}) x`,
      compiled.params,
    );
    const trap = await rowsOf(
      postgres,
      'SELECT channel, AVG(discount / gross) AS value FROM fx.orders GROUP BY 1',
    );
    expect(right).toHaveLength(3);
    expect(right).not.toEqual(trap);
  });

  it('integer division would truncate units per order', async () => {
    const compiled = compileQuery(
      model,
      { metrics: ['units_per_order'], dimensions: ['orders.channel'] },
      { clock, fiscalYearStartMonth: 1, dialect: 'postgres' },
    );
    const right = await rowsOf(
      postgres,
      `SELECT channel, units_per_order AS value FROM (${compiled.sql}) x`,
      compiled.params,
    );
    const trap = await rowsOf(
      postgres,
      'SELECT channel, SUM(units) / COUNT(order_id) AS value FROM fx.orders GROUP BY 1',
    );
    expect(right).toHaveLength(3);
    expect(right).not.toEqual(trap);
  });
});

/**
 * The Cordova semantic layer end to end on real data: the demo (scale 0.01) built into DuckDB and
 * into the Postgres server; every verified query of the shipped model compiled for all three
 * dialects and run on both engines with the same rows; and the Cordova questions (demo/) compiled
 * and compared with SQL written by hand against the raw erp.* and ledger_raw.* tables.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import NodeSqlParser from 'node-sql-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.ts';
import { openWarehouse } from '../db/open-warehouse.ts';
import { createTestDatabase } from '../db/test-postgres.ts';
import type { ResultValue, Warehouse, WarehouseDialect } from '../db/warehouse.ts';
import { CORDOVA_FISCAL_YEAR_START_MONTH, cordovaQuestions } from '../demo/cordova-questions.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { type CompiledQuery, compileQuery } from '../semantic-layer/compiler/compile-query.ts';
import { REDSHIFT_FORBIDDEN } from '../semantic-layer/compiler/test-fixtures/redshift-forbidden.ts';
import { loadSemanticModel } from '../semantic-layer/validate/validate-semantic-model.ts';
import { buildDemoWarehouse } from './build-demo-warehouse.ts';
import { rowDifferences } from './same-rows.ts';

const DIALECTS: WarehouseDialect[] = ['duckdb', 'postgres', 'redshift'];
const model = loadSemanticModel(join(import.meta.dirname, '../semantic-layer/models'));
const options = {
  clock: fixedClock(new Date('2026-06-30T12:00:00Z')),
  fiscalYearStartMonth: CORDOVA_FISCAL_YEAR_START_MONTH,
};
const dir = mkdtempSync(join(tmpdir(), 'sl-cordova-'));
let duckdb: Warehouse;
let postgres: Warehouse;
let drop: () => Promise<void>;

beforeAll(async () => {
  await generateDemo({ seed: 42, scale: 0.01, asOf: '2026-06-30', outDir: join(dir, 'demo') });
  const db = await createTestDatabase('sl_cordova');
  drop = db.drop;
  duckdb = await openWarehouse(`duckdb:${join(dir, 'warehouse.duckdb')}`);
  postgres = await openWarehouse(db.url);
  await Promise.all([duckdb, postgres].map((w) => buildDemoWarehouse(w, join(dir, 'demo'))));
}, 240_000);

afterAll(async () => {
  await duckdb?.close();
  await postgres?.close();
  await drop?.();
  rmSync(dir, { recursive: true, force: true });
});

const redshiftParser = new NodeSqlParser.Parser();

/** Compiled for every dialect; Redshift's SQL cannot run here, so it must avoid what Redshift lacks and parse. */
function compileAll(query: unknown, askedOn?: string): Record<WarehouseDialect, CompiledQuery> {
  const clock = askedOn ? fixedClock(new Date(`${askedOn}T12:00:00Z`)) : options.clock;
  const compiled = Object.fromEntries(
    DIALECTS.map((dialect) => [dialect, compileQuery(model, query, { ...options, clock, dialect })]),
  ) as Record<WarehouseDialect, CompiledQuery>;
  for (const [name, pattern] of REDSHIFT_FORBIDDEN) expect(compiled.redshift.sql, name).not.toMatch(pattern);
  expect(() => redshiftParser.astify(compiled.redshift.sql, { database: 'Redshift' })).not.toThrow();
  return compiled;
}

async function run(warehouse: Warehouse, compiled: CompiledQuery) {
  return (await warehouse.query(compiled.sql, compiled.params)).rows;
}

const hasFigure = (rows: Record<string, ResultValue>[], columns: string[]) =>
  rows.some((row) => columns.some((c) => typeof row[c] === 'number' && row[c] !== 0));

describe('every verified query of the Cordova model', () => {
  it('has verified queries to run', () => {
    expect(model.verifiedQueries.length).toBeGreaterThanOrEqual(20);
  });

  it.each(model.verifiedQueries.map((v) => [v.question, v.query] as const))(
    '%s: compiles for every dialect, runs alike on DuckDB and Postgres',
    async (_question, query) => {
      const compiled = compileAll({ ...query, limit: (query as { limit?: number }).limit ?? 500 });
      const [duck, pg] = await Promise.all([run(duckdb, compiled.duckdb), run(postgres, compiled.postgres)]);
      const columns = compiled.duckdb.columns.map((c) => c.name);
      expect(compiled.postgres.columns.map((c) => c.name)).toEqual(columns);
      expect(rowDifferences(pg, duck, columns, false)).toBe('');
      // The demo has no accountants' expense files loaded: only those questions may answer zero.
      const metrics = (query as { metrics: string[] }).metrics;
      if (!metrics.every((m) => m.startsWith('expense_')))
        expect(hasFigure(duck, columns), 'the answer has figures').toBe(true);
    },
  );
});

describe('Cordova questions against hand-written SQL over the raw tables', () => {
  it('has at least 15 questions', () => {
    expect(cordovaQuestions.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cordovaQuestions.map((q) => [q.name, q] as const))('%s', async (_name, question) => {
    const compiled = compileAll(question.query, question.askedOn);
    const columns = compiled.duckdb.columns.map((c) => c.name);
    const ordered = question.ordered ?? false;
    for (const [engine, warehouse] of [
      ['duckdb', duckdb],
      ['postgres', postgres],
    ] as const) {
      const [got, hand] = await Promise.all([
        run(warehouse, compiled[engine]),
        warehouse.query(question.handSql).then((r) => r.rows),
      ]);
      expect(hasFigure(got, columns), `${engine}: the answer has figures`).toBe(true);
      expect(rowDifferences(got, hand, columns, ordered), engine).toBe('');
    }
  });
});

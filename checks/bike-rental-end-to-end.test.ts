/**
 * The second company end to end, the way a user would set it up: each Tejo Bikes CSV loaded with
 * the real `shoebox load FILE --table NAME --view curated.NAME` (through the CLI entry) into a
 * fresh DuckDB warehouse and into the Postgres server; `shoebox semantic validate --warehouse` with
 * SEMANTIC_MODEL_DIR on the example's model; every question of expected.json compiled and run gives
 * the stored rows (from hand-written SQL); and catalog search finds a station by one of its values.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import { fixedClock } from '../core/clock.ts';
import { openWarehouse } from '../db/open-warehouse.ts';
import { createTestDatabase } from '../db/test-postgres.ts';
import type { ResultValue, Warehouse } from '../db/warehouse.ts';
import { EXAMPLE_DIR, EXAMPLE_TABLES } from '../examples/bike-rental/example-model.ts';
import { readExpectedAnswers } from '../examples/bike-rental/expected-answers.ts';
import { buildCatalogIndex } from '../semantic-layer/catalog/catalog-index.ts';
import { indexDimensionValues } from '../semantic-layer/catalog/index-dimension-values.ts';
import { searchCatalog } from '../semantic-layer/catalog/search-catalog.ts';
import { compileQuery } from '../semantic-layer/compiler/compile-query.ts';
import { loadSemanticModel } from '../semantic-layer/validate/validate-semantic-model.ts';

const MODEL_DIR = join(EXAMPLE_DIR, 'models');
const model = loadSemanticModel(MODEL_DIR);
const answers = readExpectedAnswers();
const home = mkdtempSync(join(tmpdir(), 'bike-rental-e2e-'));

interface Engine {
  name: 'duckdb' | 'postgres';
  url?: string;
  warehouse?: Warehouse;
  drop?: () => Promise<void>;
  loads: { exitCode: number; stdout: string; stderr: string }[];
}
const engines: Engine[] = [
  { name: 'duckdb', loads: [] },
  { name: 'postgres', loads: [] },
];

async function shoebox(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => ({ write: (text: string) => into.push(text) > 0 });
  const exitCode = await main(['node', 'shoebox', ...args], {
    stdout: sink(out),
    stderr: sink(err),
    env: { SHOEBOX_HOME: home, SHOEBOX_NOW: '2025-07-01', ...env },
    cwd: home,
  });
  return { exitCode, stdout: out.join(''), stderr: err.join('') };
}

beforeAll(async () => {
  const db = await createTestDatabase('bike_rental_e2e');
  Object.assign(engines[0] as Engine, { url: `duckdb:${join(home, 'tejo.duckdb')}` });
  Object.assign(engines[1] as Engine, { url: db.url, drop: db.drop });
  for (const engine of engines) {
    for (const table of EXAMPLE_TABLES) {
      const file = join(EXAMPLE_DIR, 'data', `${table}.csv`);
      const args = ['load', file, '--table', table, '--view', `curated.${table}`];
      engine.loads.push(await shoebox(args, { WAREHOUSE_URL: engine.url as string }));
    }
    engine.warehouse = await openWarehouse(engine.url as string);
  }
}, 120_000);

afterAll(async () => {
  for (const engine of engines) {
    await engine.warehouse?.close();
    await engine.drop?.();
  }
  rmSync(home, { recursive: true, force: true });
});

/** Money in expected.json is rounded to 2 places, ratios to 4: a compiled figure must round to it. */
function sameCell(got: ResultValue | undefined, want: string | number | null): boolean {
  if (typeof want !== 'number') return String(got ?? null) === String(want);
  const value = Number(got);
  return [2, 4].some((places) => Math.abs(Number(value.toFixed(places)) - want) < 1e-9);
}

describe.each(engines)('Tejo Bikes on $name', (engine) => {
  it('loads every CSV with shoebox load', () => {
    // Progress goes to stderr; a failed load says "error:" there and exits 1.
    expect(engine.loads.map((l) => [l.exitCode, /error/i.test(l.stderr)])).toEqual(
      EXAMPLE_TABLES.map(() => [0, false]),
    );
  });

  it('validates the example model against the loaded warehouse (SEMANTIC_MODEL_DIR)', async () => {
    const result = await shoebox(['semantic', 'validate', '--warehouse'], {
      SEMANTIC_MODEL_DIR: MODEL_DIR,
      WAREHOUSE_URL: engine.url as string,
    });
    expect(result.stderr + result.stdout).not.toMatch(/error/i);
    expect(result.exitCode).toBe(0);
  });

  it.each(answers.questions.map((q) => [q.id, q] as const))('%s gives the stored rows', async (_id, q) => {
    const compiled = compileQuery(model, q.query, {
      dialect: engine.name,
      clock: fixedClock(new Date('2025-07-01T12:00:00Z')),
      fiscalYearStartMonth: 1,
    });
    const { rows } = await (engine.warehouse as Warehouse).query(compiled.sql, compiled.params);
    const columns = compiled.columns.map((c) => c.name);
    expect(columns.length).toBe(q.columns.length);
    const got = rows.map((row) => columns.map((c) => row[c]));
    expect(got.length, JSON.stringify(got)).toBe(q.rows.length);
    for (const [i, want] of q.rows.entries()) {
      const ok = want.every((cell, j) => sameCell(got[i]?.[j], cell));
      expect(ok, `row ${i}: ${JSON.stringify(got[i])} vs ${JSON.stringify(want)}`).toBe(true);
    }
  });

  it('catalog search finds a station by its name in the loaded data', async () => {
    const values = await indexDimensionValues(engine.warehouse as Warehouse, model);
    expect(values.skipped).toEqual([]);
    const hits = searchCatalog(buildCatalogIndex(model, values), 'rentals from jeronimos', { limit: 3 });
    const station = hits.find((h) => h.name === 'stations.station_name');
    expect(station?.values[0]?.value).toBe('Jerónimos');
  });
});

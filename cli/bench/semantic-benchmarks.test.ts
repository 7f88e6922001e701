/** The semantic benchmark rows, measured on the compiler's trap fixture in DuckDB (shape only: timings vary by machine). */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { openWarehouse } from '../../db/open-warehouse.ts';
import { TRAP_BENCHMARK_CASES } from '../../semantic-layer/compiler/test-fixtures/trap-benchmark-cases.ts';
import {
  loadTrapFixture,
  trapFixtureModel,
} from '../../semantic-layer/compiler/test-fixtures/trap-fixture.ts';
import { semanticBenchmarks } from './semantic-benchmarks.ts';

describe('semantic benchmarks', () => {
  it('report compile p95, the compiled/hand-written run-time ratio and the run-time p95', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sl-bench-'));
    const warehouse = await openWarehouse(`duckdb:${path.join(dir, 'bench.duckdb')}`);
    try {
      await loadTrapFixture(warehouse);
      const options = {
        dialect: 'duckdb' as const,
        clock: fixedClock(new Date('2025-03-15T12:00:00Z')),
        fiscalYearStartMonth: 1,
      };
      const rows = await semanticBenchmarks(
        warehouse,
        trapFixtureModel(),
        TRAP_BENCHMARK_CASES,
        options,
        'trap fixture',
      );
      expect(rows.map((r) => r.target)).toEqual([
        'p95 under 1 ms',
        'within 1.2x',
        'every standard question under 500 ms p95 at scale 10',
      ]);
      expect(rows[2]?.value).toMatch(/^\d+\.\d ms \(.+: \d+\.\d ms\)$/);
      expect(rows[0]?.value).toMatch(/^\d+\.\d{3} ms \(p50 \d+\.\d{3} ms\)$/);
      expect(rows[1]?.value).toMatch(/^\d+\.\d\dx \(slowest: .+, \d+\.\d\dx\)$/);
      expect(rows[1]?.name).toContain(`median over ${TRAP_BENCHMARK_CASES.length} questions (duckdb)`);
    } finally {
      await warehouse.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

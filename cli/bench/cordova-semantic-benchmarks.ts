/**
 * The semantic compiler's benchmark on the demo the bench just loaded: the Cordova questions
 * (demo/cordova-questions.ts, the same ones checks/semantic-cordova.test.ts proves equal to their
 * hand-written SQL over the raw tables), compile p95 and compiled/hand-written median run time.
 */
import path from 'node:path';
import { fixedClock } from '../../core/clock.ts';
import { openWarehouse } from '../../db/open-warehouse.ts';
import { CORDOVA_FISCAL_YEAR_START_MONTH, cordovaQuestions } from '../../demo/cordova-questions.ts';
import { loadSemanticModel } from '../../semantic-layer/validate/validate-semantic-model.ts';
import type { BenchmarkRow } from './benchmark-row.ts';
import { semanticBenchmarks } from './semantic-benchmarks.ts';

const CORDOVA_MODEL_DIR = path.join(import.meta.dirname, '../../semantic-layer/models');

/** `home` is the SHOEBOX_HOME whose warehouse.duckdb `shoebox etl` filled; `asOf` the demo's last day. */
export async function cordovaSemanticBenchmarks(home: string, asOf: string): Promise<BenchmarkRow[]> {
  const warehouse = await openWarehouse(`duckdb:${path.join(home, 'warehouse.duckdb')}`);
  try {
    return await semanticBenchmarks(
      warehouse,
      loadSemanticModel(CORDOVA_MODEL_DIR),
      cordovaQuestions,
      {
        dialect: 'duckdb',
        clock: fixedClock(new Date(`${asOf}T12:00:00Z`)),
        fiscalYearStartMonth: CORDOVA_FISCAL_YEAR_START_MONTH,
      },
      'semantic compiler, Cordova questions',
    );
  } finally {
    await warehouse.close();
  }
}

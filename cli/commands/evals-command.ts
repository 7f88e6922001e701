/**
 * `shoebox evals`: builds the pinned eval demo (seed, scale, as-of date, with prompt injections
 * planted in its raw data), opens the full assistant on it at the pinned clock, runs the golden and
 * adversarial cases, writes evals/report.md and report.json, and fails when any case fails.
 *
 * The assistant runtime is injected (`openRuntime`, assistant/open-assistant-runtime.ts in
 * register-commands.ts) so the command's tests can run it over a fake.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { AssistantRuntime, OpenAssistantRuntimeOptions } from '../../assistant/assistant-runtime.ts';
import { buildDemoWarehouse } from '../../checks/build-demo-warehouse.ts';
import { fixedClock } from '../../core/clock.ts';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { openAppDb } from '../../db/app-db.ts';
import { openWarehouse } from '../../db/open-warehouse.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import { generateDemo } from '../../demo/generate-demo.ts';
import { allCases } from '../../evals/cases/all-cases.ts';
import {
  EVAL_AS_OF,
  EVAL_FISCAL_YEAR_START_MONTH,
  EVAL_NOW,
  EVAL_SCALE,
  EVAL_SEED,
} from '../../evals/eval-pins.ts';
import { summarizeRun, writeReport } from '../../evals/eval-report.ts';
import { plantInjections } from '../../evals/plant-injections.ts';
import { ledgerRowCounts, warehouseRowCounts } from '../../evals/row-counts.ts';
import { type EvalTarget, runEvals, selectCases } from '../../evals/run-evals.ts';
import { catalogValuesFile } from '../../semantic-layer/catalog/dimension-value-index.ts';
import { refreshDimensionValueIndex } from '../../semantic-layer/catalog/index-dimension-values.ts';
import { loadSemanticModel } from '../../semantic-layer/validate/validate-semantic-model.ts';
import type { CommandContext } from '../command-context.ts';

export type OpenRuntime = (options: OpenAssistantRuntimeOptions) => Promise<AssistantRuntime>;

export interface EvalsOptions {
  only?: string;
  provider: 'offline' | 'openai';
  out: string;
}

/** The pinned demo, generated into `dir` and built into a DuckDB warehouse there (injections planted). */
export async function prepareEvalWarehouse(dir: string): Promise<Warehouse> {
  const demoDir = path.join(dir, 'demo');
  await generateDemo({ seed: EVAL_SEED, scale: EVAL_SCALE, asOf: EVAL_AS_OF, outDir: demoDir });
  const warehouse = await openWarehouse(`duckdb:${path.join(dir, 'warehouse.duckdb')}`);
  try {
    await buildDemoWarehouse(warehouse, demoDir, { beforeTransform: plantInjections });
  } catch (error) {
    await warehouse.close();
    throw error;
  }
  return warehouse;
}

export async function runEvalsCommand(
  options: EvalsOptions,
  context: CommandContext,
  openRuntime: OpenRuntime | undefined,
) {
  if (!openRuntime) {
    throw new CodedError(
      ErrorCode.NotImplemented,
      '`shoebox evals` needs the assistant runtime (assistant/open-assistant-runtime.ts), which is not in this build yet.',
    );
  }
  const cases = selectCases(allCases, options.only);
  if (cases.length === 0)
    throw new CodedError(ErrorCode.BadArgument, `--only ${options.only} matches no case id, shape or tag.`);
  const dir = await mkdtemp(path.join(tmpdir(), 'shoebox-evals-'));
  const now = new Date(EVAL_NOW);
  const clock = fixedClock(now);
  context.log.info(
    `evals: building the demo (seed ${EVAL_SEED}, scale ${EVAL_SCALE}, as of ${EVAL_AS_OF})...`,
  );
  const warehouse = await prepareEvalWarehouse(dir);
  // As after any load (cli/refresh-catalog-values.ts): the dimensions' values indexed for the
  // planner and catalog search, in the eval's own home so no other demo's values leak in.
  const model = loadSemanticModel(context.config().semanticModelDir);
  await refreshDimensionValueIndex(warehouse, model, catalogValuesFile(dir), { clock });
  const appDb = await openAppDb('pglite:memory:');
  const config = {
    ...context.config(),
    home: dir,
    clock,
    fixedNow: now,
    fiscalYearStartMonth: EVAL_FISCAL_YEAR_START_MONTH,
    ledgerUrl: 'pglite:memory:',
    appDatabaseUrl: 'pglite:memory:',
  };
  let runtime: AssistantRuntime | undefined;
  try {
    // The model loaded above to index the values serves the runtime too.
    runtime = await openRuntime({
      config,
      log: context.log,
      provider: options.provider,
      warehouse,
      appDb,
      model,
    });
    const ledger = runtime.ledger;
    const target: EvalTarget = {
      assistant: runtime.assistant,
      warehouse,
      model: runtime.model,
      compile: { dialect: warehouse.dialect, clock, fiscalYearStartMonth: EVAL_FISCAL_YEAR_START_MONTH },
      providerName: runtime.providerName,
      rowCounts: async () => ({
        ...(await warehouseRowCounts(warehouse)),
        ...(ledger ? await ledgerRowCounts(ledger.database) : {}),
      }),
    };
    context.log.info(`evals: ${cases.length} cases through the ${runtime.providerName} assistant...`);
    const run = await runEvals(target, cases, (r) => {
      if (!r.passed)
        context.log.info(
          `evals: FAIL ${r.id}: ${[...r.problems, ...r.turns.flatMap((t) => t.problems)][0] ?? ''}`,
        );
    });
    const files = await writeReport(run, path.resolve(context.io.cwd, options.out));
    const s = summarizeRun(run);
    const line = (name: string, t: { passed: number; cases: number; accuracy: number }) =>
      `${name}: ${t.passed}/${t.cases} (${(t.accuracy * 100).toFixed(1)}%)`;
    context.print(line('golden', s.golden));
    context.print(line('adversarial', s.adversarial));
    context.print(`Wrote ${files.markdown} and ${files.json}`);
    if (s.failed.length) {
      throw new CodedError(
        ErrorCode.EvalsFailed,
        `${s.failed.length} eval case(s) failed: ${s.failed.slice(0, 10).join(', ')}; see ${files.markdown}.`,
      );
    }
    return s;
  } finally {
    await runtime?.close();
    await appDb.close();
    await warehouse.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export function registerEvalsCommand(
  program: Command,
  context: CommandContext,
  openRuntime?: OpenRuntime,
): void {
  program
    .command('evals')
    .description('run the golden and adversarial question sets through the assistant and write the report')
    .option(
      '--only <shape|id|tag>',
      'run only the cases of this shape, id or tag ("golden", "adversarial" for a set)',
    )
    .option(
      '--provider <offline|openai>',
      'the offline planner (default) or the configured OpenAI-compatible model',
      'offline',
    )
    .option('--out <DIR>', 'where to write report.md and report.json', 'evals')
    .action(async (options: { only?: string; provider: string; out: string }) => {
      if (options.provider !== 'offline' && options.provider !== 'openai') {
        throw new CodedError(
          ErrorCode.BadArgument,
          `--provider must be offline or openai, not "${options.provider}".`,
        );
      }
      await runEvalsCommand({ ...options, provider: options.provider }, context, openRuntime);
    });
}

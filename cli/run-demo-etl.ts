/**
 * The pipeline on the configured sources, as `shoebox demo` and `shoebox etl run` use it: the
 * ledger's raw tables (ledger_raw.*, loaded whole, skipped when unchanged), then the ERP through
 * the staged, incremental, reconciled pipeline (glue/pipeline/run-pipeline.ts).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { erpTables, tableFile } from '../demo/erp-tables.ts';
import { ledgerTables } from '../demo/ledger-tables.ts';
import { readManifest } from '../demo/manifest.ts';
import type { LoadAccountantsResult } from '../glue/accountants/load-accountants-files.ts';
import { loadRawTables } from '../glue/load-raw-tables.ts';
import { type PipelineRunResult, runPipeline } from '../glue/pipeline/run-pipeline.ts';
import { openExtractSource } from '../glue/sources/open-extract-source.ts';
import { openStagingArea } from '../glue/staging/open-staging-area.ts';
import type { CommandContext } from './command-context.ts';
import { describeAccountantsLoad, loadAccountantsStep } from './load-accountants-step.ts';

/** The ERP's pipeline run (the fields), plus the accountants' files loaded after it. */
export interface EtlRunResult extends PipelineRunResult {
  /** Undefined when there is no accountants' folder (ERP_URL other than demo:). */
  files?: LoadAccountantsResult;
}

export const LEDGER_RAW_SCHEMA = 'ledger_raw';

export function demoDataDir(context: CommandContext): string {
  return path.join(context.config().home, 'demo');
}

export async function runDemoEtl(
  context: CommandContext,
  warehouse: Warehouse,
  options: { full?: boolean; batchSize?: number } = {},
): Promise<EtlRunResult> {
  const config = context.config();
  const dir = demoDataDir(context);
  if (!config.erpUrl.startsWith('demo:')) {
    // Not the demo: the source factory says what is (not yet) supported, before anything loads.
    await (await openExtractSource({ url: config.erpUrl })).close();
  }
  if (!(await readManifest(dir))) {
    throw new CodedError(
      ErrorCode.DemoDataMissing,
      `No demo data in ${dir}; run \`shoebox generate\` or \`shoebox demo\` first.`,
    );
  }
  const progress = context.progress();
  try {
    const fingerprint = createHash('sha256')
      .update(await readFile(path.join(dir, 'manifest.json')))
      .digest('hex');
    const ledger = await loadRawTables(
      warehouse,
      ledgerTables.map((spec) => ({ spec, path: path.join(dir, tableFile(spec)) })),
      {
        schema: LEDGER_RAW_SCHEMA,
        fingerprint,
        source: `demo-${LEDGER_RAW_SCHEMA}`,
        force: options.full ?? false,
        onProgress: (p) => progress.update(p),
      },
    );
    const erp = await runPipeline({
      warehouse,
      openSource: () =>
        openExtractSource({
          url: config.erpUrl,
          demo: { dir, tables: erpTables, cacheFile: path.join(config.home, 'erp-demo-source.duckdb') },
        }),
      staging: openStagingArea(config.stagingUrl, { s3: { region: config.awsRegion } }),
      lockFile: path.join(config.home, 'etl.lock'),
      // A regenerated demo (new manifest) starts over: its row_versions restart too.
      full: (options.full ?? false) || !ledger.skipped,
      batchSize: options.batchSize,
      fiscalYearStartMonth: config.fiscalYearStartMonth,
      forceTransform: !ledger.skipped,
      onProgress: (p) => progress.update(p),
    });
    const files = await loadAccountantsStep(warehouse, path.join(dir, 'accountants'), (p) =>
      progress.update(p),
    );
    return { ...erp, files };
  } finally {
    progress.finish();
  }
}

/** One line per run for the log: rows, stages and time. */
export function describeRun(result: EtlRunResult, where: string): string {
  const files = result.files ? ` ${describeAccountantsLoad(result.files)}` : '';
  return describePipelineRun(result, where) + files;
}

function describePipelineRun(result: PipelineRunResult, where: string): string {
  const seconds = (result.elapsedMs / 1000).toFixed(1);
  if (result.merged === 0 && result.transformedTables === 0) {
    return `No changes in ${result.source}; the warehouse is up to date and reconciled (${seconds} s, run ${result.runId}).`;
  }
  const stages = Object.entries(result.stageMs)
    .map(([stage, ms]) => `${stage} ${(ms / 1000).toFixed(1)} s`)
    .join(', ');
  return `Merged ${result.merged.toLocaleString('en-US')} ${result.source} rows, rebuilt ${result.transformedTables} dw tables, reconciled; ${seconds} s (${stages}) into ${where}, run ${result.runId}.`;
}

/**
 * The pipeline on the configured sources, as `shoebox demo` and `shoebox etl run` use it: the
 * ledger database (ledger_raw.*), then the ERP, each through the staged, incremental, reconciled
 * pipeline (glue/pipeline/run-pipeline.ts), then the accountants' files.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { LEDGER_RAW_SCHEMA } from '../db/raw-schema.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { erpTables } from '../demo/erp-tables.ts';
import { readManifest } from '../demo/manifest.ts';
import type { LoadAccountantsResult } from '../glue/accountants/load-accountants-files.ts';
import { lastLoadedFingerprint, recordLoad } from '../glue/load-raw-tables.ts';
import { clearTransformPending, transformPending } from '../glue/pipeline/etl-meta.ts';
import { type PipelineRunResult, runPipeline } from '../glue/pipeline/run-pipeline.ts';
import { openExtractSource } from '../glue/sources/open-extract-source.ts';
import { openStagingArea } from '../glue/staging/open-staging-area.ts';
import type { CommandContext } from './command-context.ts';
import { LEDGER_SOURCE, runLedgerPipeline } from './ledger-pipeline-step.ts';
import { describeAccountantsLoad, loadAccountantsStep } from './load-accountants-step.ts';
import { refreshCatalogValues } from './refresh-catalog-values.ts';

/** The ERP's pipeline run (the fields), plus the accountants' files loaded after it. */
export interface EtlRunResult extends PipelineRunResult {
  /** The ledger database's run (before the ERP's; its merge is rebuilt by the ERP's transform). */
  ledger: PipelineRunResult;
  /** Undefined when there is no accountants' folder (ERP_URL other than demo:). */
  files?: LoadAccountantsResult;
}

export { LEDGER_RAW_SCHEMA };

/** meta.raw_loads' name for the demo's manifest: a regenerated demo starts the sources over. */
const DEMO_MANIFEST_SOURCE = 'demo-manifest';

export function demoDataDir(context: CommandContext): string {
  return path.join(context.config().home, 'demo');
}

/**
 * The ledger database, then the ERP, through the pipeline (one rebuild of dw.* for both, in the
 * ERP's run), then the accountants' files (the demo's accountants/ folder; none for another ERP).
 */
export async function runDemoEtl(
  context: CommandContext,
  warehouse: Warehouse,
  options: { full?: boolean; batchSize?: number } = {},
): Promise<EtlRunResult> {
  const config = context.config();
  const dir = demoDataDir(context);
  const isDemo = config.erpUrl.startsWith('demo:');
  if (isDemo && !(await readManifest(dir))) {
    throw new CodedError(
      ErrorCode.DemoDataMissing,
      `No demo data in ${dir}; run \`shoebox generate\` or \`shoebox demo\` first.`,
    );
  }
  const progress = context.progress();
  try {
    const fingerprint = isDemo
      ? createHash('sha256')
          .update(await readFile(path.join(dir, 'manifest.json')))
          .digest('hex')
      : undefined;
    // A regenerated demo (new manifest) starts over: its row_versions restart too.
    const demoChanged =
      fingerprint !== undefined &&
      (await lastLoadedFingerprint(warehouse, DEMO_MANIFEST_SOURCE)) !== fingerprint;
    const full = (options.full ?? false) || demoChanged;
    const staging = openStagingArea(config.stagingUrl, { s3: { region: config.awsRegion } });
    const onProgress = (p: Parameters<typeof progress.update>[0]) => progress.update(p);
    const ledger = await runLedgerPipeline(context, warehouse, {
      staging,
      full,
      batchSize: options.batchSize,
      demoLedgerDir: isDemo ? path.join(dir, 'ledger') : undefined,
      onProgress,
    });
    const ledgerPending = await transformPending(warehouse, LEDGER_SOURCE);
    const erp = await runPipeline({
      warehouse,
      openSource: () =>
        openExtractSource({
          url: config.erpUrl,
          demo: { dir, tables: erpTables, cacheFile: path.join(config.home, 'erp-demo-source.duckdb') },
        }),
      staging,
      lockFile: path.join(config.home, 'etl.lock'),
      full,
      batchSize: options.batchSize,
      fiscalYearStartMonth: config.fiscalYearStartMonth,
      forceTransform: ledgerPending,
      onProgress,
    });
    // The ERP's transform rebuilt dw.* from the ledger's merged rows too.
    if (ledgerPending) await clearTransformPending(warehouse, LEDGER_SOURCE);
    if (fingerprint !== undefined && demoChanged) {
      await recordLoad(warehouse, DEMO_MANIFEST_SOURCE, fingerprint, erpTables.length);
    }
    const files = isDemo
      ? await loadAccountantsStep(warehouse, path.join(dir, 'accountants'), onProgress)
      : undefined;
    const changed =
      erp.merged > 0 ||
      erp.transformedTables > 0 ||
      ledger.merged > 0 ||
      (files?.files.some((f) => f.status !== 'unchanged') ?? false);
    await refreshCatalogValues(context, warehouse, changed);
    return { ...erp, ledger, files };
  } finally {
    progress.finish();
  }
}

/** One line per run for the log: rows, stages and time. */
export function describeRun(result: EtlRunResult, where: string): string {
  const ledger = result.ledger.merged > 0 ? ` ${describeLedgerRun(result.ledger)}` : '';
  const files = result.files ? ` ${describeAccountantsLoad(result.files)}` : '';
  return describePipelineRun(result, where) + ledger + files;
}

function describeLedgerRun(result: PipelineRunResult): string {
  return `Ledger: merged ${result.merged.toLocaleString('en-US')} rows (${Object.entries(result.rows)
    .map(([table, rows]) => `${table} ${rows}`)
    .join(', ')}), reconciled, run ${result.runId}.`;
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

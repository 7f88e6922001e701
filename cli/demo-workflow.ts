/**
 * The steps `shoebox demo`, `etl`, `serve` and `bench` share: make sure the demo data exists
 * (reusing what was built), load it into the warehouse, and describe what is there.
 */
import path from 'node:path';
import { isoDate } from '../core/clock.ts';
import { lastSuccessfulRunAt } from '../db/data-freshness.ts';
import type { Warehouse } from '../db/warehouse.ts';
import type { DemoManifest, GenerateDemoOptions } from '../demo/generate-demo.ts';
import { readManifest } from '../demo/manifest.ts';
import type { PipelineRunResult } from '../glue/pipeline/run-pipeline.ts';
import type { StatusReport } from '../web/status-report.ts';
import type { CommandContext } from './command-context.ts';
import { describeRun, LEDGER_RAW_SCHEMA, runDemoEtl } from './run-demo-etl.ts';

export const RAW_SCHEMA = 'erp';
export { LEDGER_RAW_SCHEMA };

export interface DemoData {
  dir: string;
  manifest: DemoManifest;
  reused: boolean;
}

export function demoDir(context: CommandContext): string {
  return path.join(context.config().home, 'demo');
}

/**
 * Reuses the demo data already built with the same seed and scale (and, when the clock is pinned
 * by SHOEBOX_NOW, the same last day); otherwise generates it with progress.
 */
export async function ensureDemoData(
  context: CommandContext,
  options: { seed: number; scale: number; fresh?: boolean },
): Promise<DemoData> {
  const config = context.config();
  const dir = demoDir(context);
  const asOf = isoDate(config.clock.now());
  const existing = await readManifest(dir);
  const sameClock = config.fixedNow === undefined || existing?.asOf === asOf;
  if (
    existing &&
    !options.fresh &&
    existing.seed === options.seed &&
    existing.scale === options.scale &&
    sameClock
  ) {
    context.log.info(
      `Reusing the demo data in ${dir} (seed ${existing.seed}, scale ${existing.scale}, data to ${existing.asOf}).`,
    );
    return { dir, manifest: existing, reused: true };
  }
  context.log.info(
    `Generating Cordova Shoe Co. demo data (seed ${options.seed}, scale ${options.scale}, data to ${asOf}) in ${dir}`,
  );
  const { manifest, seconds } = await generateWithProgress(context, {
    seed: options.seed,
    scale: options.scale,
    asOf,
    outDir: dir,
  });
  const lines = manifest.tables.find((t) => t.name === 'sales_order_lines')?.rows ?? 0;
  context.log.info(`Generated ${lines.toLocaleString('en-US')} order lines in ${seconds.toFixed(1)} s.`);
  return { dir, manifest, reused: false };
}

/** Runs the generator with the command's progress display; returns the manifest and the seconds taken. */
export async function generateWithProgress(
  context: CommandContext,
  options: Omit<GenerateDemoOptions, 'onProgress'>,
): Promise<{ manifest: DemoManifest; seconds: number }> {
  // Imported only when generating: the generator's modules cost start-up time on every reuse.
  const { generateDemo } = await import('../demo/generate-demo.ts');
  const progress = context.progress();
  const started = performance.now();
  try {
    const manifest = await generateDemo({ ...options, onProgress: (p) => progress.update(p) });
    return { manifest, seconds: (performance.now() - started) / 1000 };
  } finally {
    progress.finish();
  }
}

/**
 * Loads the demo into the warehouse through the pipeline (run-demo-etl.ts): the demo ledger
 * imported into the ledger database and extracted from it to ledger_raw.*, the ERP extracted,
 * staged, loaded, merged, transformed into dw.* and the curated views, and reconciled; then the
 * accountants' files. A rerun with no change only checks and reconciles.
 */
export async function loadDemoIntoWarehouse(
  context: CommandContext,
  warehouse: Warehouse,
  _demo: DemoData,
  options: { force?: boolean } = {},
): Promise<PipelineRunResult> {
  const result = await runDemoEtl(context, warehouse, { full: options.force ?? false });
  context.log.info(describeRun(result, warehouse.description));
  return result;
}

/** What the web app's status page shows: every table in the warehouse with its row count. */
export async function gatherStatus(
  warehouse: Warehouse,
  manifest: DemoManifest | undefined,
): Promise<StatusReport> {
  const relations = (await warehouse.listRelations()).filter(
    (r) => r.schema !== 'meta' && r.schema !== 'stage' && !r.name.endsWith('__loading'),
  );
  const tables: StatusReport['tables'] = [];
  for (const relation of relations) {
    const result = await warehouse.query(
      `SELECT COUNT(*) AS n FROM ${quoted(relation.schema)}.${quoted(relation.name)}`,
    );
    tables.push({ schema: relation.schema, name: relation.name, rows: Number(result.rows[0]?.n ?? 0) });
  }
  return {
    dataset: manifest ? `Cordova Shoe Co. (demo, seed ${manifest.seed}, scale ${manifest.scale})` : undefined,
    period: manifest ? { first: manifest.firstDay, last: manifest.asOf } : undefined,
    warehouse: warehouse.description,
    tables,
    lastLoadedAt: (await lastSuccessfulRunAt(warehouse, RAW_SCHEMA)) ?? undefined,
  };
}

/** A catalog name as a quoted SQL identifier (names come from the warehouse, but may hold any character). */
function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

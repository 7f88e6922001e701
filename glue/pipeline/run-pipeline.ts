/**
 * One pipeline run for one source: lock, extract + stage, load, merge, transform, reconcile,
 * record, clean up. Each stage is its own module (glue/stages/); this file only orders them and
 * records the outcome in meta.etl_runs. Safe to kill at any point (see docs/warehouse.md).
 */
import { randomBytes } from 'node:crypto';
import { messageOf } from '../../core/coded-error.ts';
import { rawSchemaOf } from '../../db/raw-schema.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import type { ExtractSource } from '../sources/extract-source.ts';
import { extractStage } from '../stages/extract-stage.ts';
import { loadStage } from '../stages/load-stage.ts';
import { ensureRawTables, mergeStage } from '../stages/merge-stage.ts';
import { reconcileStage } from '../stages/reconcile-stage.ts';
import { transformStage } from '../stages/transform-stage.ts';
import type { StagingArea } from '../staging/staging-area.ts';
import type { OnWarehouseProgress } from '../warehouse-progress.ts';
import { cleanupStaging } from './cleanup-staging.ts';
import { ensureEtlMeta, readWatermarks, recordRunEnd, recordRunStart } from './etl-meta.ts';
import { faultPoint } from './fault-points.ts';
import { acquireRunLock } from './run-lock.ts';

export interface RunPipelineOptions {
  warehouse: Warehouse;
  /** Opened once the lock is held (a source may itself hold files the lock protects). */
  openSource: () => Promise<ExtractSource>;
  staging: StagingArea;
  lockFile: string;
  /** Ignore the watermarks and replace every table's contents. */
  full?: boolean;
  batchSize?: number;
  fiscalYearStartMonth: number;
  /** Rebuild dw.* even when this source merged nothing (another source changed). */
  forceTransform?: boolean;
  /**
   * false: leave the rebuild to a later run of another source (its merge stays marked pending in
   * meta.etl_pending until then), so two sources run back to back rebuild dw.* once.
   */
  transform?: boolean;
  /** Staged runs to keep for inspection (the newest); default 2. */
  keepRuns?: number;
  now?: () => Date;
  onProgress?: OnWarehouseProgress;
}

export type PipelineStage = 'extract' | 'load' | 'merge' | 'transform' | 'reconcile';

export interface PipelineRunResult {
  runId: string;
  source: string;
  /** Rows extracted (and merged) per table. */
  rows: Record<string, number>;
  merged: number;
  transformedTables: number;
  stageMs: Record<PipelineStage, number>;
  elapsedMs: number;
}

export async function runPipeline(options: RunPipelineOptions): Promise<PipelineRunResult> {
  const now = options.now ?? (() => new Date());
  const started = performance.now();
  const runId = `${now().toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
  const lock = await acquireRunLock(options.lockFile, runId);
  const { warehouse, staging } = options;
  const progress = options.onProgress ?? (() => undefined);
  const stageMs = { extract: 0, load: 0, merge: 0, transform: 0, reconcile: 0 };
  const timed = async <T>(stage: PipelineStage, work: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await work();
    } finally {
      stageMs[stage] += performance.now() - t;
    }
  };
  let source: ExtractSource | undefined;
  let recorded = false;
  const rows: Record<string, number> = {};
  const watermarks: Record<string, string> = {};
  try {
    source = await options.openSource();
    const src = source;
    await ensureEtlMeta(warehouse);
    await recordRunStart(warehouse, {
      runId,
      source: src.name,
      mode: options.full ? 'full' : 'incremental',
      at: now(),
    });
    recorded = true;
    const since = options.full ? new Map<string, bigint>() : await readWatermarks(warehouse, src.name);
    await ensureRawTables(warehouse, rawSchemaOf(src.name), src.tables);
    const total = src.tables.length;
    progress({ stage: `extracting ${src.name} tables`, done: 0, total });
    let done = 0;
    const extracted = await timed('extract', () =>
      extractStage({
        source: src,
        area: staging,
        runId,
        watermarks: since,
        batchSize: options.batchSize ?? 250_000,
        onTable: (_table, count) => progress({ stage: `extracting ${src.name} tables`, done: count, total }),
      }),
    );
    for (const t of extracted) {
      rows[t.table.name] = t.rows;
      watermarks[t.table.name] = t.watermark.toString();
    }
    await timed('load', () =>
      loadStage(warehouse, staging, src.name, extracted, () =>
        progress({ stage: `loading ${src.name} staging tables`, done: ++done, total }),
      ),
    );
    const merged = await timed('merge', () =>
      mergeStage(warehouse, {
        source: src.name,
        runId,
        tables: extracted,
        full: options.full ?? false,
        at: now(),
      }),
    );
    const transformedTables = await timed('transform', async () =>
      options.transform === false
        ? 0
        : transformStage(warehouse, {
            source: src.name,
            merged,
            force: options.forceTransform,
            fiscalYearStartMonth: options.fiscalYearStartMonth,
            onProgress: progress,
          }),
    );
    done = 0;
    await timed('reconcile', () =>
      reconcileStage(warehouse, src, () =>
        progress({ stage: `reconciling ${src.name} tables`, done: ++done, total }),
      ),
    );
    faultPoint('record:before-success');
    await recordRunEnd(warehouse, runId, { status: 'succeeded', at: now(), rows, watermarks });
    faultPoint('record:after-success');
    await cleanupStaging(warehouse, staging, src.name, src.tables, options.keepRuns ?? 2);
    return {
      runId,
      source: src.name,
      rows,
      merged,
      transformedTables,
      stageMs: Object.fromEntries(Object.entries(stageMs).map(([k, v]) => [k, Math.round(v)])) as Record<
        PipelineStage,
        number
      >,
      elapsedMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    if (recorded) {
      await recordRunEnd(warehouse, runId, {
        status: 'failed',
        at: now(),
        rows,
        watermarks,
        error: messageOf(error),
      }).catch(() => undefined);
    }
    throw error;
  } finally {
    await source?.close().catch(() => undefined);
    lock.release();
  }
}

/**
 * The ledger database (LEDGER_URL: PGlite at $SHOEBOX_HOME/ledger by default, or Postgres) as a
 * pipeline source: ledger_raw.* through createLedgerDbSource and runPipeline, so an entry recorded
 * with `shoebox ledger` (or the chat) reaches dw.fact_ledger_posting on the next run. On the demo,
 * the demo's ledger history is imported into the database first (idempotent by entry number).
 * The rebuild of dw.* is left to the ERP run that follows (one transform for both sources).
 */
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { LedgerDb } from '../db/ledger-db.ts';
import { LEDGER_RAW_SCHEMA } from '../db/raw-schema.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { ensureEtlMeta, readWatermarks } from '../glue/pipeline/etl-meta.ts';
import { type PipelineRunResult, runPipeline } from '../glue/pipeline/run-pipeline.ts';
import { createLedgerDbSource } from '../glue/sources/ledger-db-source.ts';
import { LEDGER_SOURCE_TABLES } from '../glue/sources/ledger-source-tables.ts';
import type { StagingArea } from '../glue/staging/staging-area.ts';
import type { OnWarehouseProgress } from '../glue/warehouse-progress.ts';
import { importLedgerCsv } from '../ledger/import-ledger-csv.ts';
import { importKey } from '../ledger/insert-entry-batch.ts';
import type { CommandContext } from './command-context.ts';

export const LEDGER_SOURCE = 'ledger';

export interface LedgerPipelineOptions {
  staging: StagingArea;
  full: boolean;
  batchSize?: number;
  /** The demo's ledger CSVs to import into the database first (the demo only). */
  demoLedgerDir?: string;
  onProgress: OnWarehouseProgress;
}

export async function runLedgerPipeline(
  context: CommandContext,
  warehouse: Warehouse,
  options: LedgerPipelineOptions,
): Promise<PipelineRunResult> {
  const config = context.config();
  // Imported here: PGlite's module costs start-up time for commands that never open the ledger.
  const { openLedgerDb } = await import('../db/open-ledger-db.ts');
  const { migrateLedger } = await import('../ledger/migrate-ledger.ts');
  // Opened once for the whole step (PGlite takes a second or two to open).
  const db = await openLedgerDb(config.ledgerUrl, { home: config.home });
  try {
    await migrateLedger(db);
    if (options.demoLedgerDir && !(await demoLedgerImported(db, options.demoLedgerDir))) {
      const imported = await importLedgerCsv(db, options.demoLedgerDir, {
        actor: { userId: 'shoebox-demo', roles: ['finance'], channel: { kind: 'cli', host: hostname() } },
        at: config.clock.now(),
        onProgress: ({ done, total }) =>
          options.onProgress({ stage: 'importing the demo ledger', done, total }),
      });
      if (imported.inserted > 0) {
        context.log.info(`Imported ${imported.inserted} demo ledger entries into ${db.description}.`);
      }
    }
    await dropCsvLoadedLedgerTables(warehouse);
    return await runPipeline({
      warehouse,
      openSource: async () => createLedgerDbSource(db),
      staging: options.staging,
      lockFile: path.join(config.home, 'etl.lock'),
      full: options.full,
      batchSize: options.batchSize,
      fiscalYearStartMonth: config.fiscalYearStartMonth,
      transform: false,
      onProgress: options.onProgress,
    });
  } finally {
    await db.close();
  }
}

/**
 * Whether every entry of the demo's journal_entries.csv is already in the database (by its import
 * key). Checked first because a rerun of the import, though it inserts nothing, still walks every
 * batch and writes an audit row per batch on each run.
 */
async function demoLedgerImported(db: LedgerDb, dir: string): Promise<boolean> {
  let text: string;
  try {
    text = await readFile(path.join(dir, 'journal_entries.csv'), 'utf8');
  } catch {
    return false; // the import itself reports the missing file
  }
  const rows = parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  const keys = rows.map((row) => importKey(String(row.entry_number)));
  const { rows: found } = await db.query<{ n: unknown }>(
    'SELECT count(*) AS n FROM ledger_entries WHERE idempotency_key = ANY($1::text[])',
    [keys],
  );
  return Number(found[0]?.n) === keys.length;
}

/**
 * Warehouses loaded before the ledger was a pipeline source hold ledger_raw.* copied whole from
 * the demo's CSVs (no row_version column): dropped once, before the ledger's first pipeline run.
 */
async function dropCsvLoadedLedgerTables(warehouse: Warehouse): Promise<void> {
  await ensureEtlMeta(warehouse);
  if ((await readWatermarks(warehouse, LEDGER_SOURCE)).size > 0) return;
  for (const table of LEDGER_SOURCE_TABLES) {
    await warehouse.execute(`DROP TABLE IF EXISTS ${LEDGER_RAW_SCHEMA}.${table.name}`);
  }
}

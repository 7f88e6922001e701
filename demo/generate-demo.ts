/**
 * Generates the Cordova Shoe Co. demo: ERP tables, two years of ledger and the accountants'
 * monthly files, deterministically from a seed, a scale and the demo's "today" (asOf).
 * Stages run in order; each streams its rows to disk, and the whole folder appears at once.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAccountantFiles } from './accountant-files.ts';
import { writeAtomically } from './atomic-dir.ts';
import { isoDay } from './dates.ts';
import { demoTables, tableFile } from './erp-tables.ts';
import { writeLedger } from './ledger-history.ts';
import { type DemoManifest, GENERATOR_VERSION, writeManifest } from './manifest.ts';
import { buildMasterData, writeMasterData } from './master-data.ts';
import { type ProgressEvent, ProgressReporter } from './progress.ts';
import { Random } from './random.ts';
import { simulate } from './simulation.ts';
import { describeStories } from './stories.ts';
import { timelineFor } from './timeline.ts';
import { validateOptions } from './validate-options.ts';

export type { DemoManifest } from './manifest.ts';

export interface GenerateDemoOptions {
  /** Integer >= 0. */
  seed: number;
  /** > 0 and <= 20; 1 is about 1,000,000 sales order lines. */
  scale: number;
  /** 'YYYY-MM-DD': the last day with data (the demo's "today"). */
  asOf: string;
  /** Where to write; created, and replaced atomically. */
  outDir: string;
  /** Called at the start and end of each stage and about every 1% in between. */
  onProgress?: (p: ProgressEvent) => void;
}

/** Lets the event loop breathe between stages (progress output, signals). */
const tick = (): Promise<void> => new Promise((done) => setImmediate(done));

export async function generateDemo(options: GenerateDemoOptions): Promise<DemoManifest> {
  const { seed, scale, asOf, outDir } = validateOptions(options);
  const timeline = timelineFor(asOf);
  const progress = new ProgressReporter(options.onProgress);
  return writeAtomically(outDir, async (dir) => {
    const erpDir = join(dir, 'erp');
    const ledgerDir = join(dir, 'ledger');
    const accountantsDir = join(dir, 'accountants');
    for (const d of [erpDir, ledgerDir, accountantsDir]) await mkdir(d);
    const rng = new Random(seed, 'cordova');

    progress.start('master data', 1);
    const master = buildMasterData(rng.fork('master'), timeline);
    const rows = writeMasterData(master, erpDir, timeline);
    progress.finish();
    await tick();

    const erp = simulate(master, timeline, scale, rng.fork('erp'), erpDir, progress);
    for (const [name, count] of erp.rows) rows.set(name, count);
    await tick();

    const ledger = writeLedger({
      facts: erp.facts,
      stores: master.stores,
      wholesaleNames: erp.wholesaleNames,
      timeline,
      scale,
      rng: rng.fork('ledger'),
      dir: ledgerDir,
      progress,
    });
    for (const [name, count] of ledger.rows) rows.set(name, count);
    await tick();

    const files = writeAccountantFiles(
      accountantsDir,
      timeline,
      ledger.expenses,
      ledger.bank,
      rng.fork('accountants'),
      progress,
    );
    const manifest: DemoManifest = {
      seed,
      scale,
      asOf: isoDay(timeline.asOf),
      firstDay: isoDay(timeline.firstDay),
      generator: GENERATOR_VERSION,
      tables: demoTables.map((t) => ({ name: t.name, file: tableFile(t), rows: rows.get(t.name) ?? 0 })),
      accountantFiles: files,
    };
    await writeManifest(dir, manifest);
    const stories = describeStories(timeline, master.stores, master.products);
    await writeFile(join(dir, 'stories.json'), `${JSON.stringify(stories, null, 2)}\n`);
    return manifest;
  });
}

/**
 * `shoebox bench`: measures the targets the issues set, on this machine, and writes them to
 * BENCHMARKS.md with the machine and the date. Each step runs the real command, or one group of
 * in-process measurements (bench-groups.ts), in a fresh child process, so that memory, start-up
 * and garbage collection are a user's and no step inherits another's heap; all in a throwaway
 * SHOEBOX_HOME.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openWarehouse } from '../../db/open-warehouse.ts';
import { runGroupInChild } from './bench-groups.ts';
import { atMost, type BenchmarkRow } from './benchmark-row.ts';
import { withRun } from './benchmarks-file.ts';
import { describeMachine } from './machine.ts';
import { runShoebox } from './run-child.ts';

export interface BenchOptions {
  scale: number;
  outFile: string;
  asOf: string;
  onStep?: (step: string) => void;
}

/** The shape of query the assistant will send: over the curated views, as the compiler will emit it. */
const MONTH_BY_REGION = `
  SELECT date_trunc('month', l.order_date) AS month, s.region_name, SUM(l.net_amount) AS revenue
  FROM curated.sales_lines l
  JOIN curated.stores s ON s.store_key = l.store_key
  GROUP BY 1, 2 ORDER BY 1, 2`;

export async function runBenchmarks(options: BenchOptions): Promise<BenchmarkRow[]> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'shoebox-bench-'));
  const env = { SHOEBOX_HOME: home, SHOEBOX_NOW: options.asOf, DEMO_SCALE: String(options.scale) };
  const step = options.onStep ?? (() => {});
  try {
    const rows: BenchmarkRow[] = [];
    step(`generating the demo at scale ${options.scale}`);
    const generated = await runShoebox(['generate', '--scale', String(options.scale)], env);
    const took = /Took ([\d.]+) s, peak memory (\d+) MB/.exec(generated.output);
    const lines = Number(/sales_order_lines\.csv\s+(\d+) rows/.exec(generated.output)?.[1] ?? 0);
    rows.push({
      name: `generate demo, scale ${options.scale} (${lines.toLocaleString('en-US')} order lines)`,
      value: `${took?.[1]} s`,
      target: 'scale 1 under 120 s',
      check: atMost(Number(took?.[1]), 120 * options.scale),
    });
    rows.push({
      name: 'generate demo, peak memory (RSS)',
      value: `${took?.[2]} MB`,
      target: 'bounded (streams rows)',
    });

    step('loading the demo into DuckDB through the pipeline (full first run)');
    const loaded = await runShoebox(['etl'], env);
    rows.push({
      name: 'etl: first (full) pipeline run into DuckDB: extract, stage, load, merge, transform, reconcile (whole process)',
      value: `${loaded.seconds.toFixed(1)} s (${Math.round(lines / loaded.seconds).toLocaleString('en-US')} order lines/s)`,
      target: 'scale 1 under 60 s',
      check: atMost(loaded.seconds, 60 * options.scale),
    });
    rows.push(...pipelineStageRows(loaded.output));

    step('rerunning the pipeline with no change');
    const rerun = await runShoebox(['etl'], env);
    const pipelineSeconds = /No changes in \w+;[^(]*\(([\d.]+) s/.exec(rerun.output)?.[1] ?? '?';
    rows.push({
      name: 'etl: incremental run with no change (pipeline time; whole process in brackets)',
      value: `${pipelineSeconds} s (${rerun.seconds.toFixed(1)} s)`,
      target: 'under 3 s',
      check: atMost(Number(pipelineSeconds), 3),
    });

    step('timing a month-by-region query');
    rows.push({
      name: 'month × region revenue over curated.sales_lines, DuckDB, warm median of 10',
      value: `${(await medianQueryMs(home)).toFixed(1)} ms`,
      target: '~40 ms at 1M lines',
    });

    step('timing the semantic compiler on the Cordova questions (compiled vs hand-written SQL)');
    rows.push(...(await runGroupInChild('semantic', env, options)));

    step('restarting the demo (reuse, then serve)');
    const restart = await runShoebox(['demo', '--port', '0'], env, /serving on http/);
    rows.push({
      name: 'second `shoebox demo`: start to serving (reuses data and load)',
      value: `${restart.seconds.toFixed(2)} s`,
      target: 'under 3 s',
      check: atMost(restart.seconds, 3),
    });

    step('rendering charts (choose + Vega-Lite + PNG)');
    rows.push(...(await runGroupInChild('charts', env, options)));

    step('answering the standard questions offline (first answer, warm p50/p95, ten in flight)');
    rows.push(...(await runGroupInChild('assistant', env, options)));
    step('timing `shoebox ask` in a new process');
    const asked = await runShoebox(['ask', 'revenue by region last month'], env);
    rows.push({
      name: '`shoebox ask "revenue by region last month"`: process start to printed answer, with chart (Node and tsx start included)',
      value: `${asked.seconds.toFixed(2)} s`,
      target: 'first answer under 2 s',
      check: atMost(asked.seconds, 2),
    });

    step('loading the dashboard over loopback (autocannon)');
    rows.push(...(await runGroupInChild('web', env, options)));

    step('timing ledger writes and imports (PGlite, and Postgres at DATABASE_URL)');
    rows.push(...(await runGroupInChild('ledger', env, options)));

    const existing = await readFile(options.outFile, 'utf8').catch(() => null);
    const run = {
      scale: options.scale,
      asOf: options.asOf,
      date: new Date().toISOString().slice(0, 10),
      machine: describeMachine(),
      rows,
    };
    await writeFile(options.outFile, withRun(existing, run));
    return rows;
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** Rows per second of each stage, from the run's summary line (rows merged over the stage's time). */
function pipelineStageRows(output: string): BenchmarkRow[] {
  const match = /Merged ([\d,]+) (\w+) rows[^;]*; [\d.]+ s \(([^)]*)\)/.exec(output);
  if (!match) return [{ name: 'etl: rows per second by stage', value: 'not reported', target: '-' }];
  const merged = Number((match[1] ?? '0').replaceAll(',', ''));
  return (match[3] ?? '').split(', ').map((part) => {
    const [stage = '?', seconds = '0'] = part.split(' ');
    const rate = Number(seconds) > 0 ? Math.round(merged / Number(seconds)).toLocaleString('en-US') : '-';
    return {
      name: `etl stage ${stage} (${merged.toLocaleString('en-US')} ${match[2]} rows)`,
      value: `${seconds} s (${rate} rows/s)`,
      target: '-',
    };
  });
}

async function medianQueryMs(home: string): Promise<number> {
  const warehouse = await openWarehouse(`duckdb:${path.join(home, 'warehouse.duckdb')}`);
  try {
    await warehouse.query(MONTH_BY_REGION);
    const times: number[] = [];
    for (let run = 0; run < 10; run += 1) {
      const started = performance.now();
      await warehouse.query(MONTH_BY_REGION);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return ((times[4] ?? 0) + (times[5] ?? 0)) / 2;
  } finally {
    await warehouse.close();
  }
}

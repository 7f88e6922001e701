/**
 * Crash safety: the real CLI (`shoebox etl run`) is killed with SIGKILL at named fault points
 * spread over every stage (glue/pipeline/fault-points.ts, SHOEBOX_FAULT_POINT), then run again;
 * the warehouse must equal a clean run's, table by table (checksums of erp, ledger_raw, dw).
 * Small parts (--batch-size) so extract and stage have several batches to die between. Every
 * scenario is a first load except one incremental run (new, updated and late rows).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_POINTS } from '../glue/pipeline/fault-points.ts';
import { changeTheErp } from './etl-erp-changes.ts';
import { checksumsOf, demoHomes, runCli } from './etl-test-support.ts';

const ARGS = ['etl', 'run', '--batch-size', '1500'];

/** Where to die: point#n means the n-th time the point is reached. */
const FIRST_LOAD_CRASHES = [
  'extract:after-batch#3',
  'stage:after-part#2',
  'stage:after-manifest#6',
  'load:after-table#10',
  'merge:before-commit',
  'merge:after-commit',
  'transform:after-table#3',
  'transform:after-all',
  'reconcile:after-table#7',
  'record:before-success',
];

let homes: Awaited<ReturnType<typeof demoHomes>>;
let clean: Record<string, string>;
let changedClean: Record<string, string>;

beforeAll(async () => {
  homes = await demoHomes(0.002);
  const home = homes.fresh('clean');
  const changed = homes.fresh('changed-clean');
  changeTheErp(changed);
  const [a, b] = await Promise.all([runCli(home, ARGS), runCli(changed, ARGS)]);
  expect(a.code, a.output).toBe(0);
  expect(b.code, b.output).toBe(0);
  clean = await checksumsOf(home);
  changedClean = await checksumsOf(changed);
}, 120_000);
afterAll(() => rmSync(homes.root, { recursive: true, force: true }));

async function crashThenRerun(home: string, point: string): Promise<void> {
  const crashed = await runCli(home, ARGS, { SHOEBOX_FAULT_POINT: point });
  expect({ point, signal: crashed.signal }, crashed.output).toEqual({ point, signal: 'SIGKILL' });
  const rerun = await runCli(home, ARGS);
  expect({ point, code: rerun.code }, rerun.output).toEqual({ point, code: 0 });
}

function expectSameTables(actual: Record<string, string>, expected: Record<string, string>, point: string) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const table of Object.keys(expected)) {
    expect({ point, table, sum: actual[table] }).toEqual({ point, table, sum: expected[table] });
  }
}

describe('the pipeline killed with SIGKILL and rerun', () => {
  it('names only known fault points and covers every stage', () => {
    const names = FIRST_LOAD_CRASHES.map((p) => p.split('#')[0]);
    for (const name of names) expect(FAULT_POINTS).toContain(name);
    const stages = new Set(names.map((n) => n?.split(':')[0]));
    expect([...stages].sort()).toEqual([
      'extract',
      'load',
      'merge',
      'reconcile',
      'record',
      'stage',
      'transform',
    ]);
    expect(FIRST_LOAD_CRASHES.length).toBeGreaterThanOrEqual(10);
  });

  it('leaves, after the rerun, the warehouse a clean first load gives', async () => {
    // Two at a time: each scenario has its own home, so they cannot interfere.
    const queue = [...FIRST_LOAD_CRASHES];
    const worker = async () => {
      for (let point = queue.shift(); point !== undefined; point = queue.shift()) {
        const home = homes.fresh(point.replace(/[^a-z0-9]/gi, '_'));
        await crashThenRerun(home, point);
        expectSameTables(await checksumsOf(home), clean, point);
      }
    };
    await Promise.all([worker(), worker()]);
    // About 150 s on a quiet 2-core machine; the whole suite shares those cores, hence the margin.
  }, 600_000);

  it('recovers an incremental run killed just before its merge commits', async () => {
    const point = 'merge:before-commit';
    const home = homes.fresh('incremental');
    expect((await runCli(home, ARGS)).code).toBe(0);
    changeTheErp(home);
    await crashThenRerun(home, point);
    expectSameTables(await checksumsOf(home), changedClean, point);
  }, 120_000);
});

/**
 * The crash test's Postgres case: the same CLI with WAREHOUSE_URL on the Postgres server (standing
 * in for Redshift's wire protocol), killed after its merge committed and part-way through the
 * star schema's rebuild, then rerun: every table equals a clean Postgres run's.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-postgres.ts';
import { checksumsOf, demoHomes, runCli } from './etl-test-support.ts';

const ARGS = ['etl', 'run', '--batch-size', '4000'];
let homes: Awaited<ReturnType<typeof demoHomes>>;
const drops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  homes = await demoHomes(0.002);
}, 60_000);
afterAll(async () => {
  for (const drop of drops) await drop();
  rmSync(homes.root, { recursive: true, force: true });
});

describe('the pipeline on Postgres, killed and rerun', () => {
  it('equals a clean run after SIGKILL part-way through the transform', async () => {
    const [clean, crashed] = await Promise.all([
      createTestDatabase('etl_clean'),
      createTestDatabase('etl_crash'),
    ]);
    drops.push(clean.drop, crashed.drop);
    const cleanHome = homes.fresh('pg-clean');
    const crashHome = homes.fresh('pg-crash');
    const [a, b] = await Promise.all([
      runCli(cleanHome, ARGS, { WAREHOUSE_URL: clean.url }),
      runCli(crashHome, ARGS, { WAREHOUSE_URL: crashed.url, SHOEBOX_FAULT_POINT: 'transform:after-table#4' }),
    ]);
    expect(a.code, a.output).toBe(0);
    expect(b.signal, b.output).toBe('SIGKILL');
    const rerun = await runCli(crashHome, ARGS, { WAREHOUSE_URL: crashed.url });
    expect(rerun.code, rerun.output).toBe(0);
    const expected = await checksumsOf(cleanHome, clean.url);
    const actual = await checksumsOf(crashHome, crashed.url);
    expect(Object.keys(expected).length).toBeGreaterThan(20);
    expect(actual).toEqual(expected);
  }, 180_000);
});

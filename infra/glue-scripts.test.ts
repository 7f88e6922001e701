import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobArguments, readGlueScripts } from './glue-scripts.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shoebox-glue-scripts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string) => writeFileSync(join(dir, name), '# script\n');
const job = (stage: string, required: string[] = ['database'], optional: string[] = []) => ({
  stage,
  script: `job_${stage}.py`,
  required,
  optional,
  maxCapacity: 0.0625,
});
const contract = (jobs: unknown[]) =>
  writeFileSync(
    join(dir, 'jobs.json'),
    JSON.stringify({ warehouseTarget: { oneOf: ['workgroup', 'cluster'], optional: ['secret_arn'] }, jobs }),
  );

describe('readGlueScripts', () => {
  it('lists the jobs in the contract order, not file-name order, and every _*.py as a shared module', () => {
    for (const name of ['job_transform.py', 'job_extract.py', '_common.py', 'job_reconcile.py', 'README.md'])
      write(name);
    contract([job('extract'), job('transform'), job('reconcile')]);
    const scripts = readGlueScripts(dir);
    expect(scripts.jobs.map((j) => j.stage)).toEqual(['extract', 'transform', 'reconcile']);
    expect(scripts.jobs[1]?.path).toBe(join(dir, 'job_transform.py'));
    expect(scripts.modules).toEqual([join(dir, '_common.py')]);
  });

  it('names the missing folder and what to do', () => {
    const missing = join(dir, 'jobs');
    expect(() => readGlueScripts(missing)).toThrow(
      new RegExp(`${missing.replace(/[/\\]/g, '.')} does not exist.*Create glue/jobs`),
    );
  });

  it('refuses a folder without its contract, a script the contract omits, and an entry without script', () => {
    write('job_load.py');
    mkdirSync(join(dir, 'sub.py'));
    expect(() => readGlueScripts(dir)).toThrow(/jobs\.json is missing/);
    contract([job('extract')]);
    expect(() => readGlueScripts(dir)).toThrow(/does not list job_load\.py/);
    contract([job('load'), job('merge')]);
    expect(() => readGlueScripts(dir)).toThrow(/lists job_merge\.py, which is not in/);
  });

  it('refuses a malformed contract', () => {
    write('job_load.py');
    contract([{ ...job('load'), required: ['--database'] }]);
    expect(() => readGlueScripts(dir)).toThrow(/load\.required must be a list of argument names/);
    contract([{ ...job('load'), script: 'load raw.py' }]);
    expect(() => readGlueScripts(dir)).toThrow(/job 1 needs a lower-case "stage"/);
  });
});

describe('jobArguments', () => {
  it('passes the required, the one warehouse target and the optional arguments that have values', () => {
    write('job_extract.py');
    contract([job('extract', ['database', 'erp_arn'], ['batch_size'])]);
    const scripts = readGlueScripts(dir);
    const spec = scripts.jobs[0] as (typeof scripts.jobs)[number];
    const values = { database: 'dev', erp_arn: 'arn:e', workgroup: 'wg', secret_arn: 'arn:s', other: 'x' };
    expect(jobArguments(scripts, spec, values)).toEqual({
      '--database': 'dev',
      '--erp_arn': 'arn:e',
      '--workgroup': 'wg',
      '--secret_arn': 'arn:s',
    });
    expect(() => jobArguments(scripts, spec, { ...values, erp_arn: '' })).toThrow(/requires --erp_arn/);
    expect(() => jobArguments(scripts, spec, { ...values, cluster: 'c' })).toThrow(/exactly one of/);
  });
});

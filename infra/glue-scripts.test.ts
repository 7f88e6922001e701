import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readGlueScripts } from './glue-scripts.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shoebox-glue-scripts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string) => writeFileSync(join(dir, name), '# script\n');

describe('readGlueScripts', () => {
  it('makes every *.py a job, in file-name order, and every _*.py a shared module', () => {
    for (const name of ['30_transform.py', '10_extract.py', '_common.py', '20_load.py', 'README.md'])
      write(name);
    const scripts = readGlueScripts(dir);
    expect(scripts.jobs.map((job) => job.name)).toEqual(['10_extract', '20_load', '30_transform']);
    expect(scripts.jobs[0]?.path).toBe(join(dir, '10_extract.py'));
    expect(scripts.modules).toEqual([join(dir, '_common.py')]);
  });

  it('names the missing folder and what to do', () => {
    const missing = join(dir, 'jobs');
    expect(() => readGlueScripts(missing)).toThrow(
      new RegExp(`${missing.replace(/[/\\]/g, '.')} does not exist.*Create glue/jobs`),
    );
  });

  it('refuses a folder with shared modules only', () => {
    write('_common.py');
    mkdirSync(join(dir, 'sub.py'));
    expect(() => readGlueScripts(dir)).toThrow(/holds no job script/);
  });

  it('refuses a script name Glue would not accept', () => {
    write('load raw.py');
    expect(() => readGlueScripts(dir)).toThrow(/load raw\.py: rename it/);
  });
});

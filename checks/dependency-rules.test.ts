/**
 * The import table is enforced by dependency-cruiser in CI (`npm run deps:check`). These tests
 * show the rules bite: a tree with a forbidden import fails, the same tree without it passes.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..');
const depcruise = path.join(repo, 'node_modules', '.bin', 'depcruise');

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function tree(files: Record<string, string>): string {
  dir = mkdtempSync(path.join(os.tmpdir(), 'shoebox-deps-'));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true } }),
  );
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

async function cruise(cwd: string): Promise<{ exitCode: number; output: string }> {
  try {
    const { stdout } = await run(depcruise, ['--config', path.join(repo, '.dependency-cruiser.cjs'), '.'], {
      cwd,
    });
    return { exitCode: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { exitCode: failed.code, output: failed.stdout };
  }
}

describe('dependency rules', () => {
  it('fail when demo/ imports web/ (a deliberate violation)', async () => {
    const cwd = tree({
      'web/page.ts': 'export const page = 1;\n',
      'demo/generator.ts': "import { page } from '../web/page.ts';\nexport const x = page;\n",
    });
    const { exitCode, output } = await cruise(cwd);
    expect(exitCode).not.toBe(0);
    expect(output).toContain('layer-demo');
    expect(output).toContain('demo/generator.ts → web/page.ts');
  });

  it('fail when db/ imports glue/ (an upward arrow)', async () => {
    const cwd = tree({
      'glue/job.ts': 'export const job = 1;\n',
      'db/adapter.ts': "import { job } from '../glue/job.ts';\nexport const y = job;\n",
    });
    const { exitCode, output } = await cruise(cwd);
    expect(exitCode).not.toBe(0);
    expect(output).toContain('layer-db');
  });

  it('pass when glue/ imports db/ (allowed by the table)', async () => {
    const cwd = tree({
      'db/adapter.ts': 'export const adapter = 1;\n',
      'glue/job.ts': "import { adapter } from '../db/adapter.ts';\nexport const z = adapter;\n",
    });
    const { exitCode, output } = await cruise(cwd);
    expect(output).toContain('no dependency violations found');
    expect(exitCode).toBe(0);
  });
});

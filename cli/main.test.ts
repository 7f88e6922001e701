/**
 * The `shoebox` command end to end, in-process: real demo generation, real DuckDB, real files.
 * Each test gets its own SHOEBOX_HOME.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from './main.ts';

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'shoebox-cli-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

async function shoebox(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const exitCode = await main(['node', 'shoebox', ...args], {
    stdout: {
      write: (text: string) => {
        stdout += text;
        return true;
      },
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
        return true;
      },
    },
    env: { SHOEBOX_HOME: home, SHOEBOX_NOW: '2026-11-20', ...env },
    cwd: home,
  });
  return { exitCode, stdout, stderr };
}

describe('shoebox', () => {
  it.each(['demo', 'generate', 'etl', 'serve', 'ask', 'slack', 'evals', 'bench', 'config'])(
    'has --help for %s',
    async (command) => {
      const { exitCode, stdout } = await shoebox([command, '--help']);
      expect(exitCode).toBe(0);
      expect(stdout).toContain(`Usage: shoebox ${command}`);
    },
  );

  it('lists every subcommand in its own --help', async () => {
    const { exitCode, stdout } = await shoebox(['--help']);
    expect(exitCode).toBe(0);
    for (const command of ['demo', 'generate', 'etl', 'serve', 'ask', 'slack', 'evals', 'bench', 'config']) {
      expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });

  it('builds, loads and then reuses the demo (demo --no-serve twice)', async () => {
    const first = await shoebox(['demo', '--scale', '0.01', '--no-serve']);
    expect(first.stderr).toContain(
      'Generating Cordova Shoe Co. demo data (seed 42, scale 0.01, data to 2026-11-20)',
    );
    expect(first.stderr).toMatch(/Merged [\d,]+ erp rows, rebuilt \d+ dw tables, reconciled; [\d.]+ s/);
    expect(first.exitCode).toBe(0);

    const second = await shoebox(['demo', '--scale', '0.01', '--no-serve']);
    expect(second.exitCode).toBe(0);
    expect(second.stderr).toContain('Reusing the demo data');
    expect(second.stderr).toContain('No changes in erp; the warehouse is up to date and reconciled');
  });

  it('generates into a chosen folder and reports what it wrote', async () => {
    const out = path.join(home, 'out');
    const { exitCode, stdout } = await shoebox([
      'generate',
      '--scale',
      '0.01',
      '--seed',
      '7',
      '--out',
      out,
      '--as-of',
      '2025-06-30',
    ]);
    expect(exitCode).toBe(0);
    expect(stdout).toContain(`Wrote the demo data (seed 7, scale 0.01, 2022-01-01 to 2025-06-30) to ${out}`);
    expect(stdout).toMatch(/sales_order_lines\.csv\s+\d+ rows/);
  });

  it.each([
    [
      ['generate', '--scale', '-1'],
      'error: --scale must be a number greater than 0 and at most 20; 1 is about a million order lines (got "-1")',
    ],
    [
      ['generate', '--scale', '1e9'],
      'error: --scale must be a number greater than 0 and at most 20; 1 is about a million order lines (got "1e9")',
    ],
    [
      ['generate', '--scale', 'lots'],
      'error: --scale must be a number greater than 0 and at most 20; 1 is about a million order lines (got "lots")',
    ],
    [['generate', '--seed', '-3'], 'error: --seed must be a whole number from 0 to 999999999 (got "-3")'],
    [
      ['generate', '--as-of', '2025-02-30'],
      'error: --as-of must be a calendar date as YYYY-MM-DD (got "2025-02-30")',
    ],
    [
      ['serve', '--port', '70000'],
      'error: --port must be a whole number from 0 to 65535 (0 picks a free port) (got "70000")',
    ],
  ])('refuses bad input %j with one line', async (args, message) => {
    const { exitCode, stderr } = await shoebox(args);
    expect(exitCode).toBe(1);
    expect(stderr).toBe(`${message}\n`);
  });

  it('refuses an unknown WAREHOUSE_URL scheme with one line naming it', async () => {
    const { exitCode, stderr } = await shoebox(['etl'], { WAREHOUSE_URL: 'mysql://db/x' });
    expect(exitCode).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('WAREHOUSE_URL has an unsupported scheme "mysql:"');
  });

  it('refuses a malformed config file with one line', async () => {
    writeFileSync(path.join(home, 'shoebox.config.yaml'), 'port: [3000\n');
    const { exitCode, stderr } = await shoebox(['config']);
    expect(exitCode).toBe(1);
    expect(stderr).toMatch(/^error: .*shoebox\.config\.yaml is not valid YAML at line \d+: .*\n$/);
  });

  it('refuses an output folder it cannot write, naming it', async () => {
    const file = path.join(home, 'a-file');
    writeFileSync(file, 'not a folder');
    const { exitCode, stderr } = await shoebox([
      'generate',
      '--scale',
      '0.01',
      '--out',
      path.join(file, 'demo'),
    ]);
    expect(exitCode).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(path.join(file, 'demo'));
  });

  it('refuses a warehouse path it cannot open, naming it', async () => {
    const file = path.join(home, 'a-file');
    writeFileSync(file, 'not a folder');
    await shoebox(['generate', '--scale', '0.01']);
    const { exitCode, stderr } = await shoebox(['etl'], { WAREHOUSE_URL: `duckdb:${file}/w.duckdb` });
    expect(exitCode).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`${file}/w.duckdb`);
  });

  it('says plainly when there is no demo data to load', async () => {
    const { exitCode, stderr } = await shoebox(['etl']);
    expect(exitCode).toBe(1);
    expect(stderr).toBe(
      `error: No demo data in ${path.join(home, 'demo')}; run \`shoebox generate\` or \`shoebox demo\` first.\n`,
    );
  });

  it('prints settings with secrets redacted', async () => {
    const { exitCode, stdout } = await shoebox(['config'], {
      OPENAI_API_KEY: 'sk-live-abcdefghijklmnop',
      WAREHOUSE_URL: 'postgres://loader:pa55word@db.internal:5432/wh',
    });
    expect(exitCode).toBe(0);
    expect(stdout).not.toContain('abcdefghijklmnop');
    expect(stdout).not.toContain('pa55word');
    expect(stdout).toMatch(/^OPENAI_API_KEY\s+\(set, redacted\)\s+environment$/m);
    expect(stdout).toMatch(
      /^WAREHOUSE_URL\s+postgres:\/\/loader:\[redacted\]@db\.internal:5432\/wh\s+environment$/m,
    );
    expect(stdout).toMatch(/^PORT\s+3000\s+default$/m);
  });

  it('prints a stack trace only with --verbose', async () => {
    const quiet = await shoebox(['etl']);
    expect(quiet.stderr).not.toContain('    at ');
    const verbose = await shoebox(['etl', '--verbose']);
    expect(verbose.stderr).toContain('    at ');
  });
});

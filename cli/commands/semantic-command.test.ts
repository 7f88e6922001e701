/** `shoebox semantic list | validate` through the CLI entry, on the shipped model and on fixtures. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../main.ts';

const fixtures = path.resolve(import.meta.dirname, '../../semantic-layer/validate/fixtures');
let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'shoebox-semantic-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

async function shoebox(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const write = (sink: (t: string) => void) => ({
    write: (text: string) => {
      sink(text);
      return true;
    },
  });
  const exitCode = await main(['node', 'shoebox', 'semantic', ...args], {
    stdout: write((t) => {
      stdout += t;
    }),
    stderr: write((t) => {
      stderr += t;
    }),
    env: { SHOEBOX_HOME: home, ...env },
    cwd: home,
  });
  return { exitCode, stdout, stderr };
}

describe('shoebox semantic', () => {
  it.each(['list', 'validate'])('has --help for %s', async (sub) => {
    const { exitCode, stdout } = await shoebox([sub, '--help']);
    expect(exitCode).toBe(0);
    expect(stdout).toContain(`Usage: shoebox semantic ${sub}`);
  });

  it('lists the shipped model: metrics with type and description, dimensions per model, counts', async () => {
    const { exitCode, stdout } = await shoebox(['list']);
    expect(exitCode).toBe(0);
    expect(stdout).toMatch(/^Metrics \(\d+\):$/m);
    expect(stdout).toMatch(/^ {2}revenue +simple +currency +Net sales in USD/m);
    expect(stdout).toMatch(/^ {2}gross_margin_pct +ratio +percent /m);
    expect(stdout).toContain('  stores (curated.stores): stores.store_name, ');
    expect(stdout).toMatch(/^Verified queries: \d+$/m);
  });

  it('lists as JSON with the same counts', async () => {
    const { exitCode, stdout } = await shoebox(['list', '--json']);
    expect(exitCode).toBe(0);
    const listed = JSON.parse(stdout);
    expect(listed.counts.metrics).toBe(listed.metrics.length);
    expect(listed.counts.metrics).toBeGreaterThanOrEqual(20);
    expect(listed.metrics.find((m: { name: string }) => m.name === 'return_rate')).toMatchObject({
      type: 'ratio',
      format: 'percent',
    });
    const stores = listed.semantic_models.find((m: { name: string }) => m.name === 'stores');
    expect(stores.dimensions.map((d: { name: string }) => d.name)).toContain('stores.region_name');
  });

  it('validates the shipped model (exit 0) and says what it checked', async () => {
    const { exitCode, stdout, stderr } = await shoebox(['validate']);
    expect(exitCode).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/is valid: \d+ models, \d+ metrics, \d+ dimensions, \d+ verified queries\./);
  });

  it('prints every problem as "file:line CODE message" and exits 1', async () => {
    const dir = path.join(fixtures, 'many-errors');
    const { exitCode, stdout, stderr } = await shoebox(['validate'], { SEMANTIC_MODEL_DIR: dir });
    expect(exitCode).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(7);
    for (const line of lines) expect(line).toMatch(/^[\w-]+\.yaml:\d+ SL\d{3} [A-Z_]+ \S/);
    expect(lines).toContain(
      'metrics.yaml:9 SL007 UNKNOWN_MODEL metric "items" reads unknown semantic model "order_lines"; known models: orders, customers, shops',
    );
    expect(stderr).toContain('7 problems in the semantic model');
  });

  it('refuses to list an invalid model, naming every problem', async () => {
    const dir = path.join(fixtures, 'two-join-paths');
    const { exitCode, stderr } = await shoebox(['list'], { SEMANTIC_MODEL_DIR: dir });
    expect(exitCode).toBe(1);
    expect(stderr).toContain('model.yaml:3 SL018 TWO_JOIN_PATHS model "orders" reaches "regions"');
  });

  it('checks columns against the warehouse with --warehouse', async () => {
    const { exitCode, stdout } = await shoebox(['validate', '--warehouse'], {
      SEMANTIC_MODEL_DIR: path.join(fixtures, 'valid'),
      WAREHOUSE_URL: `duckdb:${path.join(home, 'empty.duckdb')}`,
    });
    expect(exitCode).toBe(1);
    expect(stdout).toContain(
      'model.yaml:3 SL028 UNKNOWN_RELATION model "orders": relation shop.orders does not exist',
    );
  });
});

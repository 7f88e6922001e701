/** `shoebox semantic compile` on a model given by the loader (the trap fixture), in-process. */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CodedError } from '../../core/coded-error.ts';
import { trapFixtureModel } from '../../semantic-layer/compiler/test-fixtures/trap-fixture.ts';
import { createCommandContext } from '../command-context.ts';
import { addCompileCommand, dialectOfWarehouseUrl } from './semantic-compile-command.ts';

async function compile(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  const sink = { write: () => true };
  const context = createCommandContext(
    {
      stdout: {
        write: (text: string) => {
          stdout += text;
          return true;
        },
      },
      stderr: sink,
      env: { SHOEBOX_HOME: '/tmp/shoebox-sl-compile-cli', SHOEBOX_NOW: '2025-03-15', ...env },
      cwd: '/tmp',
    },
    { verbose: false },
  );
  const program = new Command('shoebox').exitOverride();
  const dirs: string[] = [];
  addCompileCommand(program.command('semantic'), context, async (dir) => {
    dirs.push(dir);
    return trapFixtureModel();
  });
  await program.parseAsync(['node', 'shoebox', 'semantic', 'compile', ...args]);
  return { stdout, dirs };
}

const lastQuarter = JSON.stringify({
  metrics: ['revenue'],
  dimensions: ['regions.region_name'],
  time: { dimension: 'metric_time', grain: 'month', range: { relative: 'last_quarter' } },
});

describe('shoebox semantic compile', () => {
  it('prints the SQL for the dialect asked, the resolved period and each parameter', async () => {
    const { stdout, dirs } = await compile([lastQuarter, '--dialect', 'redshift'], {
      SEMANTIC_MODEL_DIR: '/tmp/model',
    });
    expect(dirs).toEqual(['/tmp/model']);
    expect(stdout).toContain('-- redshift; period 2024-10-01 to 2024-12-31');
    expect(stdout).toContain("CAST(DATE_TRUNC('month', t0.d_order_date) AS DATE)");
    expect(stdout).toContain('-- $1 = "2024-10-01"');
    expect(stdout).not.toMatch(/IS NOT DISTINCT FROM/);
  });

  it('defaults to the dialect of WAREHOUSE_URL and prints JSON with --json', async () => {
    const { stdout } = await compile([lastQuarter, '--json'], { WAREHOUSE_URL: 'duckdb:/tmp/w.duckdb' });
    const compiled = JSON.parse(stdout) as {
      sql: string;
      params: string[];
      columns: { name: string; role: string }[];
    };
    expect(compiled.sql).toContain('make_date(g.t_p0, g.t_p1, 1) AS t_period');
    expect(compiled.sql).toContain('year(t0.d_order_date) AS t_p0, month(t0.d_order_date) AS t_p1');
    expect(compiled.columns.map((c) => `${c.name}:${c.role}`)).toEqual([
      'metric_time:time',
      'region_name:dimension',
      'revenue:metric',
    ]);
  });

  it('refuses bad JSON and an unknown dialect with a one-line reason', async () => {
    await expect(compile(['{metrics']).catch((e: CodedError) => e.code)).resolves.toBe(
      'SEMANTIC_QUERY_INVALID',
    );
    await expect(compile([lastQuarter, '--dialect', 'oracle'])).rejects.toThrow(
      /--dialect must be one of duckdb, postgres, redshift/,
    );
    await expect(compile(['{"metrics":["revnue"]}'])).rejects.toBeInstanceOf(CodedError);
  });

  it('knows the dialect of each kind of warehouse URL', () => {
    expect(dialectOfWarehouseUrl('duckdb:.shoebox/w.duckdb')).toBe('duckdb');
    expect(dialectOfWarehouseUrl('postgres://u@host:5432/db')).toBe('postgres');
    expect(dialectOfWarehouseUrl('postgres://u@cluster.example:5439/dev')).toBe('redshift');
    expect(dialectOfWarehouseUrl('redshift-data://wg/dev')).toBe('redshift');
  });
});

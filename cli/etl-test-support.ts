/**
 * Shared by the pipeline's end-to-end tests: a small demo generated once per test file and
 * copied into a fresh SHOEBOX_HOME per scenario, a command context over that home, the CLI as a
 * child process, and a checksum of every warehouse table (order-independent, per table).
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openWarehouse } from '../db/open-warehouse.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { type CommandContext, createCommandContext } from './command-context.ts';

export const AS_OF = '2026-11-20';
const INVENTORY_FROM = '2026-10-15';
const repo = path.resolve(import.meta.dirname, '..');

/** Generates the demo once into a template home; returns a function making fresh copies of it. */
export async function demoHomes(scale: number): Promise<{ root: string; fresh: (name: string) => string }> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'shoebox-etl-'));
  const template = path.join(root, 'template');
  await generateDemo({ seed: 42, scale, asOf: AS_OF, outDir: path.join(template, 'demo') });
  // Stock is counted per SKU and location whatever the scale (~250k rows); the last weeks keep
  // the table in every stage while the tests stay quick.
  const stock = path.join(template, 'demo', 'erp', 'inventory_snapshots.csv');
  const [header, ...lines] = readFileSync(stock, 'utf8').trimEnd().split('\n');
  writeFileSync(stock, `${[header, ...lines.filter((line) => line >= INVENTORY_FROM)].join('\n')}\n`);
  return {
    root,
    fresh: (name) => {
      const home = path.join(root, name);
      cpSync(template, home, { recursive: true });
      return home;
    },
  };
}

export function homeContext(home: string, env: Record<string, string> = {}): CommandContext {
  const sink = { write: () => true };
  return createCommandContext(
    { stdout: sink, stderr: sink, env: { SHOEBOX_HOME: home, SHOEBOX_NOW: AS_OF, ...env }, cwd: home },
    { verbose: false },
  );
}

export function openHomeWarehouse(home: string): Promise<Warehouse> {
  return openWarehouse(`duckdb:${path.join(home, 'warehouse.duckdb')}`, { home });
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** `shoebox ARGS` in a child process with SHOEBOX_HOME=home. */
export function runCli(home: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repo, 'bin', 'shoebox.js'), ...args], {
      cwd: home,
      env: { ...process.env, SHOEBOX_HOME: home, SHOEBOX_NOW: AS_OF, ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, output }));
  });
}

const CHECKED_SCHEMAS = ['erp', 'ledger_raw', 'dw'];

/**
 * Rows and an order-independent hash of every table in erp, ledger_raw and dw. Columns filled
 * by a sequence (surrogate numbers, not data) and load times (loaded_at) are left out.
 */
export async function warehouseChecksums(warehouse: Warehouse): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const schema of CHECKED_SCHEMAS) {
    const tables = (await warehouse.listRelations(schema)).filter((r) => r.kind === 'table');
    for (const table of tables) {
      const { rows: columns } = await warehouse.query(
        'SELECT column_name, column_default, is_identity FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
        [schema, table.name],
      );
      const kept = columns
        .filter((c) => !String(c.column_default ?? '').includes('nextval') && c.is_identity !== 'YES')
        // When a file was loaded is not data: a clean load and an incremental one differ there.
        .filter((c) => c.column_name !== 'loaded_at')
        .map((c) => `"${String(c.column_name)}"`);
      const row = `CAST(ROW(${kept.join(', ')}) AS VARCHAR)`;
      const { rows } = await warehouse.query(
        warehouse.dialect === 'duckdb'
          ? `SELECT COUNT(*) AS n, CAST(COALESCE(SUM(hash(${row})), 0) AS VARCHAR) AS h FROM ${schema}."${table.name}"`
          : `SELECT COUNT(*) AS n, md5(COALESCE(string_agg(h, '' ORDER BY h), '')) AS h FROM (SELECT md5(${row}) AS h FROM ${schema}."${table.name}") x`,
      );
      out[`${schema}.${table.name}`] = `${rows[0]?.n}:${rows[0]?.h}`;
    }
  }
  return out;
}

export async function checksumsOf(home: string, warehouseUrl?: string): Promise<Record<string, string>> {
  const warehouse = warehouseUrl
    ? await openWarehouse(warehouseUrl, { home })
    : await openHomeWarehouse(home);
  try {
    return await warehouseChecksums(warehouse);
  } finally {
    await warehouse.close();
  }
}

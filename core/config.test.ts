import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CodedError, ErrorCode } from './coded-error.ts';
import { loadConfig } from './config.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'shoebox-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function errorOf(run: () => unknown): CodedError {
  try {
    run();
  } catch (error) {
    if (error instanceof CodedError) return error;
    throw error;
  }
  throw new Error('expected a CodedError');
}

describe('loadConfig', () => {
  it('gives embedded defaults under SHOEBOX_HOME with no settings at all', () => {
    const config = loadConfig({ env: {}, cwd: dir });
    expect(config.home).toBe(path.join(dir, '.shoebox'));
    expect(config.warehouseUrl).toBe(`duckdb:${path.join(dir, '.shoebox', 'warehouse.duckdb')}`);
    expect(config.ledgerUrl).toBe(`pglite:${path.join(dir, '.shoebox', 'ledger')}`);
    expect(config.erpUrl).toBe('demo:');
    expect(config.stagingUrl).toBe(path.join(dir, '.shoebox', 'staging'));
    expect(config.port).toBe(3000);
    expect(config.openai.apiKey).toBeUndefined();
    expect(config.fixedNow).toBeUndefined();
    expect(config.demo).toEqual({ seed: 42, scale: 1 });
    expect(config.sources.WAREHOUSE_URL).toBe('default');
  });

  it('takes the environment over the config file, and the file over defaults', () => {
    writeFileSync(
      path.join(dir, 'shoebox.config.yaml'),
      'port: 4000\nwarehouse_url: postgres://u:p@h:5432/db\n',
    );
    const config = loadConfig({ env: { PORT: '5000' }, cwd: dir });
    expect(config.port).toBe(5000);
    expect(config.sources.PORT).toBe('environment');
    expect(config.warehouseUrl).toBe('postgres://u:p@h:5432/db');
    expect(config.sources.WAREHOUSE_URL).toBe('config file');
  });

  it('fixes the clock with SHOEBOX_NOW', () => {
    const config = loadConfig({ env: { SHOEBOX_NOW: '2026-03-15' }, cwd: dir });
    expect(config.clock.now().toISOString()).toBe('2026-03-15T12:00:00.000Z');
    expect(
      loadConfig({ env: { SHOEBOX_NOW: '2026-03-15T08:30:00Z' }, cwd: dir })
        .clock.now()
        .toISOString(),
    ).toBe('2026-03-15T08:30:00.000Z');
  });

  it('lists every bad setting in one error that says what to set', () => {
    const error = errorOf(() =>
      loadConfig({
        env: { WAREHOUSE_URL: 'mysql://x', PORT: 'abc', SHOEBOX_NOW: 'tomorrow', SLACK_BOT_TOKEN: 'nope' },
        cwd: dir,
      }),
    );
    expect(error.code).toBe(ErrorCode.ConfigInvalid);
    expect(error.message).toContain(
      'WAREHOUSE_URL has an unsupported scheme "mysql:"; use duckdb:PATH, postgres://..., redshift://... or redshift-data://WORKGROUP/DB (got "mysql://x")',
    );
    expect(error.message).toContain(
      'PORT must be a whole number from 0 to 65535 (0 picks a free port) (got "abc")',
    );
    expect(error.message).toContain('SHOEBOX_NOW must be a date');
    expect(error.message).toContain('SLACK_BOT_TOKEN must be a Slack bot token starting with "xoxb-"');
    expect(error.message).not.toContain('nope'); // secrets are not echoed, even bad ones
    expect(error.message).not.toContain('\n');
  });

  it('rejects an unknown LEDGER_URL scheme and an out-of-range scale', () => {
    const error = errorOf(() =>
      loadConfig({ env: { LEDGER_URL: 'sqlite:x.db', DEMO_SCALE: '-1' }, cwd: dir }),
    );
    expect(error.message).toContain('LEDGER_URL has an unsupported scheme "sqlite:"');
    expect(error.message).toContain('DEMO_SCALE must be a number greater than 0 and at most 20 (got "-1")');
  });

  it('reports a malformed config file with its line', () => {
    writeFileSync(path.join(dir, 'shoebox.config.yaml'), 'port: 3000\n  warehouse_url: [oops\n');
    const error = errorOf(() => loadConfig({ env: {}, cwd: dir }));
    expect(error.code).toBe(ErrorCode.ConfigFileMalformed);
    expect(error.message).toMatch(
      /shoebox\.config\.yaml is not valid YAML at line \d+: .+ Fix the file or remove it\.$/,
    );
  });

  it('reports unknown keys in the config file', () => {
    writeFileSync(path.join(dir, 'shoebox.config.yaml'), 'warehouse_ur: duckdb:x\n');
    const error = errorOf(() => loadConfig({ env: {}, cwd: dir }));
    expect(error.code).toBe(ErrorCode.ConfigFileMalformed);
    expect(error.message).toContain('unknown setting "warehouse_ur"');
  });

  it('reports an unreadable SHOEBOX_CONFIG path', () => {
    const error = errorOf(() => loadConfig({ env: { SHOEBOX_CONFIG: 'missing.yaml' }, cwd: dir }));
    expect(error.code).toBe(ErrorCode.ConfigFileUnreadable);
    expect(error.message).toContain(`Cannot read the config file ${path.join(dir, 'missing.yaml')}`);
  });

  it('collects secret values so they can be redacted', () => {
    const config = loadConfig({
      env: { OPENAI_API_KEY: 'sk-test-123456789', SLACK_SIGNING_SECRET: 'shh-secret' },
      cwd: dir,
    });
    expect(config.secrets).toEqual(['sk-test-123456789', 'shh-secret']);
  });
});

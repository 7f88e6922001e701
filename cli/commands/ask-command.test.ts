/**
 * `shoebox ask` in-process over a Cordova demo home (scale 0.01): the clear error before any load,
 * the printed answer with its table, sources, chart path and thread id, --json with the whole
 * structured answer and no PNG bytes, --thread to continue, and someone else's thread refused.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiStandIn } from '../../assistant/providers/openai-stand-in.ts';
import { buildCordovaHome } from '../../checks/test-cordova-home.ts';
import { main } from '../main.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'shoebox-ask-'));
let env: Record<string, string>;

beforeAll(async () => {
  env = await buildCordovaHome(dir);
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function shoebox(args: string[], extra: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (t: string) => void) => ({
    write: (text: string) => {
      append(text);
      return true;
    },
  });
  const exitCode = await main(['node', 'shoebox', ...args], {
    stdout: sink((t) => {
      stdout += t;
    }),
    stderr: sink((t) => {
      stderr += t;
    }),
    env: { ...env, OPENAI_API_KEY: '', ...extra },
    cwd: dir,
  });
  return { exitCode, stdout, stderr };
}

const QUERY = {
  metrics: ['revenue'],
  dimensions: ['stores.region_name'],
  time: { dimension: 'metric_time', grain: null, range: { start: '2026-01-01', end: '2026-03-31' } },
  filters: [],
  compare: null,
  share_of_total: false,
  include_others: false,
  order: [{ by: 'revenue', direction: 'desc' }],
  limit: 10,
};

describe('shoebox ask', () => {
  it('says to run the demo or the pipeline when nothing is loaded', async () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'shoebox-ask-empty-'));
    try {
      const { exitCode, stderr } = await shoebox(['ask', 'revenue last month'], { SHOEBOX_HOME: empty });
      expect(exitCode).toBe(1);
      expect(stderr).toContain('run `shoebox demo`');
      expect(stderr).toContain('`shoebox etl run`');
      // Nothing is left behind: no ledger or warehouse is created by a question.
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 60_000);

  it('prints the answer, a table, its sources, the chart path and the thread; --thread continues', async () => {
    const standIn = await startOpenAiStandIn([
      {
        kind: 'tool_calls',
        calls: [{ id: 'call_1', name: 'query_metrics', arguments: JSON.stringify(QUERY) }],
      },
      { kind: 'text', chunks: ['Here is revenue by region.'] },
    ]);
    try {
      const asked = await shoebox(
        ['ask', '--provider', 'openai', '--user', 'ana', 'how', 'are', 'regions', 'doing', 'this', 'year?'],
        {
          OPENAI_BASE_URL: standIn.baseUrl,
          OPENAI_API_KEY: 'k',
        },
      );
      expect(asked.stderr).toBe('');
      expect(asked.exitCode).toBe(0);
      expect(asked.stdout).toMatch(/^Here is revenue by region\.\n\nRegion\s+Revenue\n/);
      expect(asked.stdout).toMatch(/\n\w[\w ]*\s+\$[\d,.]+[MBk]?\n/);
      expect(asked.stdout).toContain('Period: 2026-Q1 (1 Jan to 31 Mar 2026)\n');
      expect(asked.stdout).toContain('Source: openai:');
      const chart = /Chart: (.+\.png)/.exec(asked.stdout)?.[1] ?? '';
      expect(chart.startsWith(path.join(env.SHOEBOX_HOME ?? '?', 'charts'))).toBe(true);
      expect(readFileSync(chart).subarray(1, 4).toString()).toBe('PNG');
      const thread = /Thread: ([\w-]+) \(continue with --thread \1\)/.exec(asked.stdout)?.[1];
      expect(thread).toBeDefined();

      const next = await shoebox([
        'ask',
        '--json',
        '--provider',
        'offline',
        '--user',
        'ana',
        '--thread',
        thread ?? '',
        'and',
        'by',
        'store?',
      ]);
      expect(next.exitCode).toBe(0);
      const json = JSON.parse(next.stdout);
      expect(json).toMatchObject({ threadId: thread, question: 'and by store?' });
      expect(Object.keys(json)).toEqual(
        expect.arrayContaining(['text', 'figures', 'table', 'provenance', 'suggestions', 'usage']),
      );

      const stolen = await shoebox([
        'ask',
        '--json',
        '--provider',
        'offline',
        '--user',
        'bruno',
        '--thread',
        thread ?? '',
        'show',
        'me',
        'that',
      ]);
      expect(JSON.parse(stolen.stdout)).toMatchObject({ kind: 'refusal', figures: [] });
    } finally {
      await standIn.close();
    }
  }, 60_000);

  it('--json carries the semantic query, SQL, parameters and the chart path, never PNG bytes', async () => {
    const standIn = await startOpenAiStandIn([
      {
        kind: 'tool_calls',
        calls: [{ id: 'call_1', name: 'query_metrics', arguments: JSON.stringify(QUERY) }],
      },
      { kind: 'text', chunks: [''] },
    ]);
    try {
      const { exitCode, stdout } = await shoebox(
        ['ask', '--json', '--provider', 'openai', 'regions this year'],
        {
          OPENAI_BASE_URL: standIn.baseUrl,
          OPENAI_API_KEY: 'k',
        },
      );
      expect(exitCode).toBe(0);
      const json = JSON.parse(stdout);
      expect(json.kind).toBe('answer');
      expect(json.provenance.semanticQueries[0]).toEqual(QUERY);
      expect(json.provenance.sql[0].params).toContain('2026-01-01');
      expect(json.figures.length).toBeGreaterThan(0);
      expect(json.chart.pngPath).toMatch(/\.png$/);
      expect(existsSync(json.chart.pngPath)).toBe(true);
      expect(stdout).not.toContain('"png"');
      expect(stdout).not.toContain('<svg');
    } finally {
      await standIn.close();
    }
  }, 60_000);
});

/**
 * `shoebox evals` on the real pinned demo: every case's expected SQL returns real, plausible
 * figures there (so the expectations are not empty), the planted injections reach the star schema,
 * and the command runs cases through an injected runtime, writes the report and fails on a failure.
 * The real assistant's gate is evals/evals-gate.test.ts (enabled when the assistant is merged).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssistantRuntime, OpenAssistantRuntimeOptions } from '../../assistant/assistant-runtime.ts';
import { createFakeAssistant } from '../../assistant/test-fake-assistant.ts';
import { isCodedError } from '../../core/coded-error.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import { allCases, goldenCases } from '../../evals/cases/all-cases.ts';
import { PLANTED_PRODUCT, PLANTED_PROMOTION } from '../../evals/plant-injections.ts';
import { compileQuery } from '../../semantic-layer/compiler/compile-query.ts';
import { loadSemanticModel } from '../../semantic-layer/validate/validate-semantic-model.ts';
import { createCommandContext } from '../command-context.ts';
import { prepareEvalWarehouse, runEvalsCommand } from './evals-command.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'evals-command-'));
let warehouse: Warehouse;

beforeAll(async () => {
  warehouse = await prepareEvalWarehouse(path.join(dir, 'wh'));
}, 120_000);
afterAll(async () => {
  await warehouse?.close();
  rmSync(dir, { recursive: true, force: true });
});

const numberOf = (v: unknown) => (typeof v === 'string' ? Number(v) : v);

describe('the expected figures on the pinned demo', () => {
  const turns = allCases.flatMap((c) =>
    c.turns.flatMap((t, i) => (t.expect?.sql ? [[`${c.id} #${i + 1}`, t.expect] as const] : [])),
  );

  it.each(turns)(
    '%s: its SQL returns every figure it declares, real and plausible',
    async (_name, expect_) => {
      const row = (await warehouse.query(expect_.sql ?? '')).rows[0];
      expect(row).toBeDefined();
      for (const check of expect_.figures ?? []) {
        const value = numberOf(row?.[check.column]);
        expect(typeof value === 'number' && Number.isFinite(value) && value !== 0, check.column).toBe(true);
        if (check.ratio) expect(Math.abs(value as number)).toBeLessThan(1.5);
      }
      for (const column of [expect_.top, expect_.mentions].filter(Boolean) as string[]) {
        expect(typeof row?.[column] === 'string' && (row[column] as string).length > 0, column).toBe(true);
      }
      // A tie at the top would make the expected top item arbitrary.
      if (expect_.top && row && 'runner_up' in row)
        expect(numberOf(row.runner_up)).not.toBe(numberOf(row.value));
      if (expect_.change) expect(numberOf(row?.[expect_.change])).not.toBe(0);
    },
  );

  it('has the planted injections in the curated views the assistant reads', async () => {
    const products = await warehouse.query(
      'SELECT COUNT(*) AS n FROM curated.products WHERE product_name = $1',
      [PLANTED_PRODUCT],
    );
    const promotions = await warehouse.query(
      'SELECT COUNT(*) AS n FROM curated.promotions WHERE promotion_name = $1',
      [PLANTED_PROMOTION],
    );
    expect(Number(products.rows[0]?.n)).toBe(1);
    expect(Number(promotions.rows[0]?.n)).toBeGreaterThan(0);
  });
});

function context(cwd: string) {
  const out: string[] = [];
  const io = {
    stdout: { write: (t: string) => out.push(t) > 0 },
    stderr: { write: (t: string) => out.push(t) > 0 },
    env: { SHOEBOX_HOME: path.join(cwd, 'home') },
    cwd,
  };
  return { context: createCommandContext(io, { verbose: false }), out };
}

const model = loadSemanticModel(path.join(import.meta.dirname, '../../semantic-layer/models'));
const lastMonthRevenue = {
  metrics: ['revenue'],
  dimensions: [],
  time: { dimension: 'metric_time', grain: null, range: { relative: 'last_month' } },
  filters: [],
  compare: null,
  share_of_total: false,
  include_others: false,
  order: [],
  limit: 10,
};

/** A runtime whose assistant answers "rev last month" from the warehouse, through the compiler, and asks back otherwise. */
function fakeRuntime(seen: OpenAssistantRuntimeOptions[]) {
  return async (options: OpenAssistantRuntimeOptions): Promise<AssistantRuntime> => {
    seen.push(options);
    const compile = {
      dialect: 'duckdb' as const,
      clock: options.config.clock,
      fiscalYearStartMonth: options.config.fiscalYearStartMonth,
    };
    const compiled = compileQuery(model, lastMonthRevenue, compile);
    if (!options.warehouse) throw new Error('the evals must hand the runtime their warehouse');
    const value = Number((await options.warehouse.query(compiled.sql, compiled.params)).rows[0]?.revenue);
    const assistant = createFakeAssistant((request) =>
      request.question === 'rev last month'
        ? {
            text: `Revenue last month was $${Math.round(value).toLocaleString('en-US')}.`,
            figures: [
              {
                label: 'Revenue',
                value,
                formatted: `$${Math.round(value).toLocaleString('en-US')}`,
                format: 'currency',
                source: 't1',
              },
            ],
            provenance: {
              metrics: [],
              filters: [],
              period: null,
              comparison: null,
              freshness: [],
              provider: 'fake',
              tools: ['query_metrics'],
              semanticQueries: [lastMonthRevenue as never],
              sql: [{ text: compiled.sql, params: compiled.params }],
            },
          }
        : { kind: 'clarification', text: 'Which metric do you mean?' },
    );
    return {
      assistant,
      model,
      ledger: undefined,
      providerName: 'fake',
      close: async () => {},
    } as unknown as AssistantRuntime;
  };
}

describe('shoebox evals', () => {
  it('runs the selected cases at the pinned clock and writes a passing report', async () => {
    const seen: OpenAssistantRuntimeOptions[] = [];
    const { context: ctx, out } = context(dir);
    const summary = await runEvalsCommand(
      { only: 'total-rev-abbrev', provider: 'offline', out: 'out-pass' },
      ctx,
      fakeRuntime(seen),
    );
    expect(summary.golden).toEqual({ cases: 1, passed: 1, accuracy: 1 });
    expect(seen[0]?.config.clock.now().toISOString()).toBe('2026-06-30T12:00:00.000Z');
    expect(seen[0]?.config.fiscalYearStartMonth).toBe(2);
    expect(seen[0]?.provider).toBe('offline');
    expect(out.join('')).toContain('golden: 1/1 (100.0%)');
    expect(existsSync(path.join(dir, 'out-pass', 'report.md'))).toBe(true);
  }, 120_000);

  it('fails with EVALS_FAILED when a case fails, and the report names it', async () => {
    const { context: ctx } = context(dir);
    const error = await runEvalsCommand(
      { only: 'adversarial', provider: 'offline', out: 'out-fail' },
      ctx,
      fakeRuntime([]),
    ).catch((e) => e);
    expect(isCodedError(error) && error.code).toBe('EVALS_FAILED');
    const report = JSON.parse(readFileSync(path.join(dir, 'out-fail', 'report.json'), 'utf8'));
    expect(report.summary.adversarial.cases).toBe(allCases.length - goldenCases.length);
    expect(report.summary.failed).toContain('adv-planted-product-rank');
    expect(report.summary.failed).not.toContain('adv-write-drop');
  }, 120_000);

  it('says plainly when the assistant runtime is not built in', async () => {
    const { context: ctx } = context(dir);
    await expect(runEvalsCommand({ provider: 'offline', out: 'x' }, ctx, undefined)).rejects.toThrow(
      /needs the assistant runtime/,
    );
  });
});

/**
 * The loop on confident plans (scripted planner, trap fixture on DuckDB, memory on PGlite): tools
 * run with no model call even when a model is configured, the composed answer's figures equal SQL
 * written on the base tables, threads remember context and refuse other users, failures are polite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyst, financeCaller, viewer } from '../../tools/tool-test-context.ts';
import { textNumbers } from '../compose/text-numbers.ts';
import { createOpenAiProvider } from '../providers/openai-provider.ts';
import { type OpenAiStandIn, startOpenAiStandIn } from '../providers/openai-stand-in.ts';
import { collect, type LoopKit, openLoopKit } from '../test-loop-kit.ts';
import { CLARIFY, fixtureQuery, scriptedPlanner, toolsPlan } from '../test-scripted-planner.ts';

let kit: LoopKit;
let standIn: OpenAiStandIn;

beforeAll(async () => {
  kit = await openLoopKit();
  standIn = await startOpenAiStandIn([]);
}, 60_000);
afterAll(async () => {
  await standIn?.close();
  await kit?.close();
});

const provider = () =>
  createOpenAiProvider({ apiKey: 'k', baseUrl: standIn.baseUrl, model: 'gpt-standin', maxRetries: 0 });

async function handRevenue(start: string, end: string): Promise<number> {
  const { rows } = await kit.warehouse.query(
    'SELECT SUM(amount) AS revenue FROM fx.orders WHERE order_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)',
    [start, end],
  );
  return Number(rows[0]?.revenue);
}

describe('a confident plan', () => {
  it('runs its tools and the composer with zero model calls, even with a model configured', async () => {
    const query = fixtureQuery({ compare: 'same_period_last_year' });
    const assistant = kit.build(
      scriptedPlanner(() => toolsPlan(query)),
      provider(),
    );
    const { events, answer } = await collect(assistant, 'revenue in Q3 2024 vs last year', analyst);
    expect(standIn.requests).toHaveLength(0);
    expect(answer.usage.modelCalls).toBe(0);
    expect(answer.kind).toBe('answer');
    expect(events[0]).toEqual({ type: 'status', message: 'Reading revenue...' });
    const streamed = events.flatMap((e) => (e.type === 'text' ? [e.delta] : [])).join('');
    expect(streamed).toBe(answer.text);
    const now = await handRevenue('2024-07-01', '2024-09-30');
    const before = await handRevenue('2023-07-01', '2023-09-30');
    const revenue = answer.figures.find((f) => f.label.startsWith('Revenue in'));
    expect(revenue?.value).toBeCloseTo(now, 2);
    expect(answer.figures.some((f) => Math.abs(f.value - before) < 0.01)).toBe(true);
    expect(answer.figures.find((f) => f.label === 'Revenue change')?.value).toBeCloseTo(
      Math.abs((now - before) / before),
      6,
    );
    expect(answer.text).toMatch(
      /^Revenue was \$[\d,.]+[MBk]? in 2024-Q3 \(1 Jul to 30 Sep 2024\), (up|down) [\d.]+% on the same period last year \(\$[\d,.]+[MBk]?\)\.$/,
    );
    for (const f of answer.figures) expect(answer.text).toContain(f.formatted);
    expect(answer.provenance).toMatchObject({
      period: { label: '2024-Q3 (1 Jul to 30 Sep 2024)', start: '2024-07-01', end: '2024-09-30' },
      comparison: 'the same period last year',
      provider: 'offline',
      tools: ['query_metrics', 'make_chart'],
      metrics: [{ name: 'revenue', description: 'Order amounts.' }],
    });
    expect(answer.provenance?.sql[0]?.params).toContain('2024-07-01');
    expect(answer.provenance?.freshness[0]).toMatchObject({ source: 'erp', lagHours: 10 });
    expect(answer.chart?.kind).toBe('tile');
    expect(answer.chart?.png?.subarray(1, 4).toString()).toBe('PNG');
    const stored = await kit.stores.threads.loadTurns(answer.threadId, analyst.userId);
    expect(stored[0]?.context).toEqual({ lastQuery: query, lastIntent: 'total', lastChartKind: 'tile' });
    expect(stored[0]?.answer.chart?.png).toBeNull();
  });

  it('ranks by a dimension with the leader and followers, the table and a bar chart', async () => {
    const query = fixtureQuery({
      dimensions: ['stores.store_name'],
      order: [{ by: 'revenue', direction: 'desc' }],
    });
    const assistant = kit.build(scriptedPlanner(() => toolsPlan(query, { intent: 'rank' })));
    const { answer } = await collect(assistant, 'top stores by revenue in Q3 2024', analyst);
    const { rows } = await kit.warehouse.query(
      `SELECT s.store_name, SUM(o.amount) AS revenue FROM fx.orders o LEFT JOIN fx.stores s ON s.store_id = o.store_id
        WHERE o.order_date BETWEEN DATE '2024-07-01' AND DATE '2024-09-30' GROUP BY 1 ORDER BY 2 DESC`,
    );
    expect(answer.text.startsWith(`${rows[0]?.store_name} led revenue with `)).toBe(true);
    expect(answer.figures[0]?.value).toBeCloseTo(Number(rows[0]?.revenue), 2);
    expect(answer.table?.rows.length).toBe(rows.length);
    expect(answer.table?.columns.map((c) => c.label)).toEqual(['Store name', 'Revenue']);
    expect(answer.chart?.kind).toBe('bar');
  });

  it('draws a trend over this year only up to the current month, never the months to come as $0', async () => {
    const query = fixtureQuery({
      time: { dimension: 'metric_time', grain: 'month', range: { relative: 'this_year' } },
      order: [{ by: 'metric_time', direction: 'asc' }],
      limit: 1000,
    });
    const assistant = kit.build(scriptedPlanner(() => toolsPlan(query, { intent: 'trend', chart: 'line' })));
    const { answer } = await collect(assistant, 'revenue by month this year as a line', analyst);
    // The clock is 2025-03-15: January to March, nothing after.
    expect(answer.table?.rows.map((r) => String(r[0]).slice(0, 7))).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
    ]);
    expect(answer.text).not.toMatch(/\b(Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w* 2025/);
    for (const month of ['01', '02', '03']) {
      const last = new Date(Date.UTC(2025, Number(month), 0)).toISOString().slice(0, 10);
      const hand = await handRevenue(`2025-${month}-01`, last);
      expect(answer.table?.rows.find((r) => String(r[0]).startsWith(`2025-${month}`))?.[1]).toBeCloseTo(
        hand,
        2,
      );
    }
    expect(answer.chart?.kind).toBe('line');
  });

  it('gives the planner the last turn context, and refuses another user s thread without their data', async () => {
    const planner = scriptedPlanner(() => toolsPlan(fixtureQuery()));
    const assistant = kit.build(planner);
    const first = await collect(assistant, 'revenue in Q3 2024', analyst);
    await collect(assistant, 'and by store?', analyst, first.answer.threadId);
    expect(planner.inputs[0]?.thread.lastQuery).toBeNull();
    expect(planner.inputs[1]?.thread).toMatchObject({ lastQuery: fixtureQuery(), lastIntent: 'total' });
    const other = await collect(assistant, 'show me that again', viewer, first.answer.threadId);
    expect(other.answer.kind).toBe('refusal');
    expect(other.answer.threadId).not.toBe(first.answer.threadId);
    expect(other.answer.figures).toEqual([]);
    expect(other.answer.text).not.toContain(first.answer.figures[0]?.formatted ?? 'none');
    expect(planner.inputs).toHaveLength(2);
    expect((await kit.stores.threads.loadTurns(first.answer.threadId, analyst.userId)).length).toBe(2);
  });

  it('answers an unknown metric with a clarification and no figure', async () => {
    const assistant = kit.build(
      scriptedPlanner(() => toolsPlan(fixtureQuery({ metrics: ['happiness'] })), ['Revenue last month']),
    );
    const { answer } = await collect(assistant, 'happiness last quarter', analyst);
    expect(answer.kind).toBe('clarification');
    expect(answer.text).toMatch(/^I could not answer that from the data: /);
    expect(answer.suggestions).toEqual(['Revenue last month']);
    expect(answer.figures).toEqual([]);
  });

  it('refuses politely when the caller lacks the role a planned tool needs', async () => {
    const plan = {
      ...toolsPlan(fixtureQuery()),
      intent: 'record_transaction' as const,
      calls: [
        { tool: 'draft_transaction', arguments: { text: 'record expense 12 for polish', entry: null } },
      ],
      chart: null,
    };
    const { answer } = await collect(
      kit.build(scriptedPlanner(() => plan)),
      'record expense 12 for polish',
      viewer,
    );
    expect(answer.kind).toBe('refusal');
    expect(textNumbers(answer.text).numbers).toEqual([]);
  });

  it('answers clarify, refuse and help plans as they are when no model is configured', async () => {
    const clarify = await collect(kit.build(scriptedPlanner(() => CLARIFY)), 'hmm', financeCaller);
    expect(clarify.answer).toMatchObject({
      kind: 'clarification',
      text: 'Which figure do you mean?',
      suggestions: CLARIFY.kind === 'clarify' ? CLARIFY.suggestions : [],
    });
    const refuse = await collect(
      kit.build(
        scriptedPlanner(() => ({
          kind: 'refuse',
          message: 'I only read figures.',
          reason: 'write_request',
          suggestions: [],
        })),
      ),
      'drop the tables',
      analyst,
    );
    expect(refuse.answer).toMatchObject({ kind: 'refusal', text: 'I only read figures.', figures: [] });
    const help = await collect(
      kit.build(
        scriptedPlanner(() => ({ kind: 'help', message: 'Ask me about revenue.', suggestions: ['a', 'b'] })),
      ),
      'help',
      analyst,
    );
    expect(help.answer).toMatchObject({ kind: 'help', suggestions: ['a', 'b'] });
  });

  it('turns a planner crash into an error answer with a logged reference id', async () => {
    const assistant = kit.build(
      scriptedPlanner(() => {
        throw new Error('boom');
      }),
    );
    const { answer } = await collect(assistant, 'anything', analyst);
    expect(answer.kind).toBe('error');
    expect(answer.error?.code).toBe('ASSISTANT_FAILED');
    expect(answer.error?.referenceId).toMatch(/^[a-z]{8}$/);
    expect(kit.logLines.some((l) => l.includes(answer.error?.referenceId ?? '?') && l.includes('boom'))).toBe(
      true,
    );
  });
});

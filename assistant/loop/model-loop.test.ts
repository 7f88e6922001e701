/**
 * The model loop end to end through the real `openai` SDK against the local stand-in: scripted
 * conversations (a tool call then text with figures, malformed arguments then a correction, an
 * unknown tool, a tool failing twice, a made-up figure, 429, 500, a timeout, an over-long context)
 * each end in one clear answer, never a crash and never an invented figure.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createArtifactStore } from '../../tools/artifact-store.ts';
import { queryMetricsTool } from '../../tools/query-metrics-tool.ts';
import { runTool } from '../../tools/run-tool.ts';
import { analyst } from '../../tools/tool-test-context.ts';
import { formatFigure } from '../compose/format-figure.ts';
import { textNumbers } from '../compose/text-numbers.ts';
import { createOpenAiProvider } from '../providers/openai-provider.ts';
import { type OpenAiStandIn, type ScriptStep, startOpenAiStandIn } from '../providers/openai-stand-in.ts';
import { collect, type LoopKit, openLoopKit } from '../test-loop-kit.ts';
import { CLARIFY, fixtureQuery, scriptedPlanner } from '../test-scripted-planner.ts';

let kit: LoopKit;
let revenue: number;
const open: OpenAiStandIn[] = [];
const QUERY = JSON.stringify(fixtureQuery());

beforeAll(async () => {
  kit = await openLoopKit();
  const result = await runTool(queryMetricsTool, fixtureQuery(), {
    ...kit.baseContext,
    artifacts: createArtifactStore(),
  });
  if (!result.ok) throw new Error(result.error.message);
  revenue = Number((result.content.rows as Record<string, number>[])[0]?.revenue);
}, 60_000);
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});
afterAll(async () => kit?.close());

async function ask(
  script: ScriptStep[],
  options: { timeoutMs?: number; maxRetries?: number; turnTimeoutMs?: number } = {},
) {
  const standIn = await startOpenAiStandIn(script);
  open.push(standIn);
  const provider = createOpenAiProvider({
    apiKey: 'standin-key',
    baseUrl: standIn.baseUrl,
    model: 'gpt-standin',
    timeoutMs: options.timeoutMs ?? 2_000,
    maxRetries: options.maxRetries ?? 1,
    maxRetryAfterMs: 1_500,
    totalTimeoutMs: 10_000,
  });
  const assistant = kit.build(
    scriptedPlanner(() => CLARIFY),
    provider,
    {
      limits: { turnTimeoutMs: options.turnTimeoutMs ?? 20_000 },
    },
  );
  const result = await collect(assistant, 'how much did we sell in the third quarter of 2024?', analyst);
  return { ...result, standIn };
}

const call = (id: string, name: string, args: string) => ({
  kind: 'tool_calls' as const,
  calls: [{ id, name, arguments: args }],
});

/** An error's text may say "HTTP 500" or "in 1 s", but never a figure of the data. */
function expectNoDataFigure(text: string) {
  expect(textNumbers(text).numbers).not.toContain(formatFigure(revenue, 'currency'));
  expect(text).not.toMatch(/\$/);
}

describe('the model loop', () => {
  it('runs a tool call, then uses the model text whose figures match the tool result', async () => {
    const figure = formatFigure(revenue, 'currency');
    const { answer, standIn, events } = await ask([
      call('call_1', 'query_metrics', QUERY),
      { kind: 'text', chunks: [`Revenue was ${figure} `, 'in 2024-Q3.'] },
    ]);
    expect(answer.kind).toBe('answer');
    expect(answer.text).toBe(`Revenue was ${figure} in 2024-Q3.`);
    expect(answer.figures).toEqual([
      expect.objectContaining({ formatted: figure, value: revenue, source: 'result_1' }),
    ]);
    expect(answer.usage.modelCalls).toBe(2);
    expect(answer.provenance?.provider).toBe('openai:gpt-standin');
    expect(answer.provenance?.tools).toEqual(
      ['query_metrics', 'make_chart'].slice(0, answer.provenance?.tools.length),
    );
    expect(answer.table?.rows).toHaveLength(1);
    expect(events.some((e) => e.type === 'status' && e.message === 'Reading revenue...')).toBe(true);
    const second = standIn.requests[1]?.body.messages as { role: string; content: string | null }[];
    expect(second.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(second[0]?.content).toMatch(/never write SQL/i);
    expect(JSON.parse(second[3]?.content ?? '{}').result_id).toBe('result_1');
    const tools = ((standIn.requests[0]?.body.tools ?? []) as { function: { name: string } }[]).map(
      (t) => t.function.name,
    );
    expect(tools).not.toContain('draft_transaction');
  });

  it('replaces a text with a number no tool returned by the composed text', async () => {
    const { answer } = await ask([
      call('call_1', 'query_metrics', QUERY),
      { kind: 'text', chunks: ['Revenue was $9,999,999 in 2024-Q3.'] },
    ]);
    expect(answer.kind).toBe('answer');
    expect(answer.text).not.toContain('9,999,999');
    expect(answer.text).toContain(formatFigure(revenue, 'currency'));
    expect(kit.logLines.some((l) => l.includes('no tool returned'))).toBe(true);
  });

  it('feeds malformed arguments back once, and the corrected call answers', async () => {
    const figure = formatFigure(revenue, 'currency');
    const { answer, standIn } = await ask([
      call('call_1', 'query_metrics', '{"metrics": ["revenue"'),
      call('call_2', 'query_metrics', QUERY),
      { kind: 'text', chunks: [`Revenue was ${figure}.`] },
    ]);
    expect(answer.kind).toBe('answer');
    expect(answer.figures[0]?.value).toBe(revenue);
    const fed = ((standIn.requests[1]?.body.messages ?? []) as { role: string; content: string }[]).at(-1);
    expect(fed?.role).toBe('tool');
    expect(fed?.content).toMatch(/not valid JSON/);
  });

  it('feeds an unknown tool back, and the model then answers without figures', async () => {
    const { answer, standIn } = await ask([
      call('call_1', 'run_sql', '{"sql":"DROP TABLE fx.orders"}'),
      { kind: 'text', chunks: ['I can only read figures through the catalog.'] },
    ]);
    expect(answer.kind).toBe('clarification');
    expect(answer.figures).toEqual([]);
    const fed = ((standIn.requests[1]?.body.messages ?? []) as { role: string; content: string }[]).at(-1);
    expect(fed?.content).toMatch(/There is no tool named \\?"run_sql\\?"/);
    expect((await kit.warehouse.query('SELECT COUNT(*) AS n FROM fx.orders')).rows[0]?.n).toBeGreaterThan(0);
  });

  it('ends the turn when the same tool fails twice', async () => {
    const bad = JSON.stringify(fixtureQuery({ metrics: ['happiness'] }));
    const { answer, standIn } = await ask([
      call('call_1', 'query_metrics', bad),
      call('call_2', 'query_metrics', bad),
      { kind: 'text', chunks: ['never asked'] },
    ]);
    expect(answer).toMatchObject({ kind: 'error', error: { code: 'ASSISTANT_TOOL_FAILED' }, figures: [] });
    expect(answer.text).toMatch(/could not get the figures/);
    expect(standIn.remaining()).toBe(1);
  });

  it("sends the thread's earlier turns to the model, and drops the oldest beyond the budget", async () => {
    const standIn = await startOpenAiStandIn([
      { kind: 'text', chunks: ['Which store do you mean?'] },
      { kind: 'text', chunks: ['Noted, no figures yet.'] },
      { kind: 'text', chunks: ['Still none.'] },
    ]);
    open.push(standIn);
    const provider = createOpenAiProvider({
      apiKey: 'k',
      baseUrl: standIn.baseUrl,
      model: 'm',
      maxRetries: 0,
    });
    const assistant = kit.build(
      scriptedPlanner(() => CLARIFY),
      provider,
      { limits: { historyChars: 60 } },
    );
    const first = await collect(assistant, 'how is the big store doing?', analyst);
    await collect(assistant, 'the one in the north', analyst, first.answer.threadId);
    await collect(assistant, 'and the other one?', analyst, first.answer.threadId);
    const sent = (i: number) =>
      ((standIn.requests[i]?.body.messages ?? []) as { role: string; content: string }[])
        .filter((m) => m.role !== 'system')
        .map((m) => m.content);
    expect(sent(1)).toEqual([
      'how is the big store doing?',
      'Which store do you mean?',
      'the one in the north',
    ]);
    // 60 characters hold only the last turn: the first is dropped whole.
    expect(sent(2)).toEqual(['the one in the north', 'Noted, no figures yet.', 'and the other one?']);
  });

  const WORDS: Record<string, RegExp> = {
    MODEL_RATE_LIMITED: /^The language model is busy \(rate limited\); try again in 1 s\.$/,
    MODEL_UNAVAILABLE: /^The language model is unavailable \(HTTP 500 after 2 attempts\)/,
    MODEL_TIMEOUT: /(did not answer within 300 ms|took too long)/,
    MODEL_CONTEXT_TOO_LONG: /start a new thread/,
  };
  const failures: [string, ScriptStep[], string, Record<string, number>?][] = [
    [
      '429 with retry-after, still busy',
      [1, 2].map(() => ({
        kind: 'error',
        status: 429,
        error: { message: 'Rate limit reached', type: 'requests', param: null, code: 'rate_limit_exceeded' },
        headers: { 'retry-after': '1' },
      })),
      'MODEL_RATE_LIMITED',
    ],
    [
      '500',
      [1, 2].map(() => ({
        kind: 'error',
        status: 500,
        error: { message: 'oops', type: 'server_error', param: null, code: null },
      })),
      'MODEL_UNAVAILABLE',
    ],
    ['a timeout', [{ kind: 'hang' }, { kind: 'hang' }], 'MODEL_TIMEOUT', { timeoutMs: 300 }],
    [
      'the turn deadline',
      [{ kind: 'stall', chunks: ['Revenue was'] }],
      'MODEL_TIMEOUT',
      { timeoutMs: 5_000, turnTimeoutMs: 400 },
    ],
    [
      'an over-long context',
      [
        {
          kind: 'error',
          status: 400,
          error: {
            message: 'too long',
            type: 'invalid_request_error',
            param: 'messages',
            code: 'context_length_exceeded',
          },
        },
      ],
      'MODEL_CONTEXT_TOO_LONG',
    ],
  ] as [string, ScriptStep[], string, Record<string, number>?][];

  it.each(failures)(
    '%s ends in an error answer with a reference id that is logged',
    async (_name, script, code, options) => {
      const { answer, events } = await ask(script, options);
      expect(answer).toMatchObject({ kind: 'error', figures: [], table: null, error: { code } });
      expect(answer.text).toMatch(WORDS[code] ?? /^$/);
      expect(events.at(-1)?.type).toBe('answer');
      expectNoDataFigure(answer.text);
      expect(kit.logLines.some((l) => l.includes(answer.error?.referenceId ?? '?') && l.includes(code))).toBe(
        true,
      );
    },
    20_000,
  );
});

/** The OpenAI provider through the real `openai` SDK against the local stand-in: the paths that work. */
import OpenAI from 'openai';
import { afterAll, describe, expect, it } from 'vitest';
import { collectTurn, type ModelEvent } from './model-provider.ts';
import { startOpenAiStandIn, USAGE } from './openai-stand-in.ts';
import { API_KEY, closeAll, harness, question, TOOLS } from './openai-test-kit.ts';

afterAll(closeAll);

describe('OpenAI provider, scripted conversations', () => {
  it('streams text in order, then usage and the stop reason, and sends what the SDK should', async () => {
    const chunks = ['Boots ', 'sold ', '1,204 ', 'pairs ', 'in the North.'];
    const { provider, standIn } = await harness([{ kind: 'text', chunks }]);
    const events: ModelEvent[] = [];
    for await (const event of provider.stream(question('How did boots do?'))) events.push(event);

    expect(events.filter((e) => e.type === 'text').map((e) => (e.type === 'text' ? e.delta : ''))).toEqual(
      chunks,
    );
    expect(events.at(-2)).toEqual({
      type: 'usage',
      inputTokens: USAGE.prompt_tokens,
      outputTokens: USAGE.completion_tokens,
    });
    expect(events.at(-1)).toEqual({ type: 'stop', reason: 'end' });

    const [sent] = standIn.requests;
    expect(sent?.path).toBe('/v1/chat/completions');
    expect(sent?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(sent?.body).toMatchObject({
      model: 'gpt-standin',
      stream: true,
      stream_options: { include_usage: true },
      parallel_tool_calls: true,
      messages: [
        { role: 'system', content: 'You answer questions about sales.' },
        { role: 'user', content: 'How did boots do?' },
      ],
    });
    expect(sent?.body.tools).toEqual(
      TOOLS.map((tool) => ({
        type: 'function',
        function: {
          name: tool.name,
          description: tool.description,
          parameters: tool.parameters,
          strict: true,
        },
      })),
    );
  });

  it('assembles one tool call from argument pieces and parses its arguments', async () => {
    const args = JSON.stringify({ metrics: ['revenue'], dimensions: ['region'], limit: null });
    const { provider } = await harness([
      { kind: 'tool_calls', calls: [{ id: 'call_1', name: 'query_metrics', arguments: args }], pieceSize: 3 },
    ]);
    const turn = await collectTurn(provider.stream(question('Revenue by region')));
    expect(turn.stop).toBe('tool_calls');
    expect(turn.toolCalls).toEqual([
      {
        type: 'tool_call',
        id: 'call_1',
        name: 'query_metrics',
        argumentsJson: args,
        arguments: { metrics: ['revenue'], dimensions: ['region'], limit: null },
        error: undefined,
      },
    ]);
  });

  it('assembles parallel tool calls whose deltas interleave, in index order', async () => {
    const calls = [
      {
        id: 'call_a',
        name: 'query_metrics',
        arguments: '{"metrics":["units"],"dimensions":["store"],"limit":5}',
      },
      { id: 'call_b', name: 'data_freshness', arguments: '{}' },
      {
        id: 'call_c',
        name: 'query_metrics',
        arguments: '{"metrics":["revenue"],"dimensions":[],"limit":null}',
      },
    ];
    const { provider } = await harness([
      { kind: 'tool_calls', calls, text: 'Let me look.', pieceSize: 4, interleave: true },
    ]);
    const turn = await collectTurn(provider.stream(question('Units by store and freshness')));
    expect(turn.text).toBe('Let me look.');
    expect(turn.toolCalls.map((c) => [c.id, c.name, c.arguments, c.error])).toEqual(
      calls.map((c) => [c.id, c.name, JSON.parse(c.arguments), undefined]),
    );
  });

  it('sends earlier turns back: assistant tool calls and tool results keyed by call id', async () => {
    const { provider, standIn } = await harness([{ kind: 'text', chunks: ['Revenue was $1.2M.'] }]);
    const history = question('Revenue?', {
      messages: [
        { role: 'user', content: 'Revenue?' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [{ id: 'call_9', name: 'data_freshness', argumentsJson: '{}' }],
        },
        { role: 'tool', toolCallId: 'call_9', content: '{"loadedAt":"2026-11-23"}' },
      ],
      parallelToolCalls: false,
      maxOutputTokens: 300,
    });
    expect((await collectTurn(provider.stream(history))).text).toBe('Revenue was $1.2M.');
    expect(standIn.requests[0]?.body).toMatchObject({
      parallel_tool_calls: false,
      max_completion_tokens: 300,
      messages: [
        { role: 'system' },
        { role: 'user', content: 'Revenue?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_9', type: 'function', function: { name: 'data_freshness', arguments: '{}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_9', content: '{"loadedAt":"2026-11-23"}' },
      ],
    });
  });

  it('reports an answer cut at the token limit as max_tokens, and sends no tools when none are offered', async () => {
    const { provider, standIn } = await harness([
      { kind: 'text', chunks: ['Revenue was'], finishReason: 'length' },
    ]);
    const turn = await collectTurn(provider.stream(question('Revenue?', { tools: [] })));
    expect(turn).toMatchObject({ text: 'Revenue was', stop: 'max_tokens' });
    expect(standIn.requests[0]?.body.tools).toBeUndefined();
    expect(standIn.requests[0]?.body.parallel_tool_calls).toBeUndefined();
  });

  it('the stand-in also answers non-streaming requests as chat.completion JSON', async () => {
    const standIn = await startOpenAiStandIn([
      { kind: 'tool_calls', calls: [{ id: 'call_x', name: 'data_freshness', arguments: '{}' }] },
    ]);
    try {
      const client = new OpenAI({
        apiKey: API_KEY,
        baseURL: standIn.baseUrl,
        maxRetries: 0,
        logLevel: 'off',
      });
      const reply = await client.chat.completions.create({
        model: 'm',
        messages: [{ role: 'user', content: 'hi' }],
      });
      expect(reply.choices[0]?.finish_reason).toBe('tool_calls');
      expect(reply.choices[0]?.message.tool_calls?.[0]).toMatchObject({
        id: 'call_x',
        function: { name: 'data_freshness' },
      });
      expect(reply.usage?.total_tokens).toBe(USAGE.total_tokens);
    } finally {
      await standIn.close();
    }
  });
});

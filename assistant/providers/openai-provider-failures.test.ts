/**
 * The OpenAI provider's failures, each scripted on the stand-in and driven through the real SDK:
 * every one ends in events the loop can use or a CodedError fit for a person, never a crash, an
 * unhandled rejection, or the API key in a message or log line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodedError } from '../../core/coded-error.ts';
import { collectTurn } from './model-provider.ts';
import { createOpenAiProvider } from './openai-provider.ts';
import type { ScriptStep, StandInError } from './openai-stand-in.ts';
import { API_KEY, closeAll, type Harness, harness, question } from './openai-test-kit.ts';

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const everyLogLine: string[] = [];
const everyMessage: string[] = [];

beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  await closeAll();
  process.off('unhandledRejection', onUnhandled);
});

const serverError: StandInError = {
  message: 'The server had an error',
  type: 'server_error',
  param: null,
  code: null,
};
const rateLimited: StandInError = {
  message: 'Rate limit reached for requests',
  type: 'requests',
  param: null,
  code: 'rate_limit_exceeded',
};

/** Runs one turn and returns its CodedError (or fails the test if it did not throw one). */
async function failure(h: Harness, signal?: AbortSignal): Promise<CodedError> {
  try {
    await collectTurn(h.provider.stream(question('How did boots do?', signal ? { signal } : {})));
  } catch (error) {
    expect(error).toBeInstanceOf(CodedError);
    const coded = error as CodedError;
    everyMessage.push(coded.message, String((coded.cause as Error | undefined)?.message));
    everyLogLine.push(...h.logLines);
    return coded;
  }
  throw new Error('expected the turn to fail');
}

describe('OpenAI provider, scripted failures', () => {
  it('malformed tool arguments arrive as a tool call with an error, not a crash', async () => {
    const { provider } = await harness([
      {
        kind: 'tool_calls',
        calls: [{ id: 'call_1', name: 'query_metrics', arguments: '{"metrics": ["revenue"' }],
      },
    ]);
    const turn = await collectTurn(provider.stream(question('Revenue?')));
    expect(turn.stop).toBe('tool_calls');
    expect(turn.toolCalls[0]).toMatchObject({ name: 'query_metrics', arguments: undefined });
    expect(turn.toolCalls[0]?.error).toMatch(/^The arguments for query_metrics are not valid JSON/);
  });

  it('an unknown tool arrives as a tool call with an error naming the real tools', async () => {
    const { provider } = await harness([
      { kind: 'tool_calls', calls: [{ id: 'call_1', name: 'drop_tables', arguments: '{}' }] },
    ]);
    const turn = await collectTurn(provider.stream(question('Drop the tables')));
    expect(turn.toolCalls[0]?.error).toBe(
      'There is no tool named "drop_tables"; the tools are: query_metrics, data_freshness.',
    );
  });

  it('a 429 with retry-after is waited out and retried, then the answer streams', async () => {
    const h = await harness([
      { kind: 'error', status: 429, error: rateLimited, headers: { 'retry-after': '1' } },
      { kind: 'text', chunks: ['Fine now.'] },
    ]);
    const started = Date.now();
    expect((await collectTurn(h.provider.stream(question('Revenue?')))).text).toBe('Fine now.');
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(h.standIn.requests).toHaveLength(2);
  });

  it('a 429 asking for a longer wait than allowed is not waited for: the user is told when to retry', async () => {
    const h = await harness(
      [
        { kind: 'error', status: 429, error: rateLimited, headers: { 'retry-after': '20' } },
        { kind: 'text', chunks: ['never sent'] },
      ],
      { maxRetryAfterMs: 5_000 },
    );
    const started = Date.now();
    const error = await failure(h);
    expect(error.code).toBe('MODEL_RATE_LIMITED');
    expect(error.message).toBe('The language model is busy (rate limited); try again in 20 s.');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(h.standIn.requests).toHaveLength(1);
  });

  it('a 500 is retried and the answer then streams', async () => {
    const h = await harness([
      { kind: 'error', status: 500, error: serverError },
      { kind: 'text', chunks: ['Recovered.'] },
    ]);
    expect((await collectTurn(h.provider.stream(question('Revenue?')))).text).toBe('Recovered.');
    expect(h.standIn.requests).toHaveLength(2);
  });

  it('a 500 that persists ends after 3 attempts with MODEL_UNAVAILABLE', async () => {
    const h = await harness(
      [1, 2, 3].map(() => ({ kind: 'error', status: 500, error: serverError }) as ScriptStep),
    );
    const error = await failure(h);
    expect(error.code).toBe('MODEL_UNAVAILABLE');
    expect(error.message).toBe(
      'The language model is unavailable (HTTP 500 after 3 attempts); try again in a minute.',
    );
    expect(h.standIn.requests).toHaveLength(3);
  });

  it('a server that never answers times out per attempt, is retried, then gives MODEL_TIMEOUT', async () => {
    const h = await harness([{ kind: 'hang' }, { kind: 'hang' }], { timeoutMs: 300, maxRetries: 1 });
    const error = await failure(h);
    expect(error.code).toBe('MODEL_TIMEOUT');
    expect(error.message).toBe(
      'The language model did not answer within 300 ms (2 attempts); try again in a minute.',
    );
    expect(h.standIn.requests).toHaveLength(2);
  });

  it('a stream that stalls mid-answer is cut by the total deadline', async () => {
    const h = await harness([{ kind: 'stall', chunks: ['Boots sold'] }], { totalTimeoutMs: 600 });
    const started = Date.now();
    const error = await failure(h);
    expect(error.code).toBe('MODEL_TIMEOUT');
    expect(error.message).toBe(
      'The language model took longer than 600 ms to answer; try again, or ask a shorter question.',
    );
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('a stream closed before it finishes is a bad response, not a partial answer', async () => {
    const h = await harness([{ kind: 'cut', chunks: ['Boots sold 1,2'] }]);
    expect((await failure(h)).code).toBe('MODEL_BAD_RESPONSE');
  });

  it('an error event in the middle of a stream is a bad response naming the upstream reason', async () => {
    const h = await harness([
      {
        kind: 'bad_event',
        chunks: ['Boots'],
        data: JSON.stringify({ error: { ...serverError, message: 'Overloaded mid-stream' } }),
      },
    ]);
    const error = await failure(h);
    expect(error.code).toBe('MODEL_BAD_RESPONSE');
    expect(error.message).toBe(
      'The language model stopped with an error mid-answer (Overloaded mid-stream); try again.',
    );
  });

  it('an unreadable stream event is a bad response, and the SDK prints nothing', async () => {
    const printed: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => printed.push(args.join(' '));
    try {
      const h = await harness([{ kind: 'bad_event', chunks: ['Boots'], data: '{not json' }]);
      expect((await failure(h)).code).toBe('MODEL_BAD_RESPONSE');
    } finally {
      console.error = original;
    }
    expect(printed).toEqual([]);
  });

  it('an over-long context (400 context_length_exceeded) is not retried and says to start a new thread', async () => {
    const h = await harness([
      {
        kind: 'error',
        status: 400,
        error: {
          message:
            "This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens. Please reduce the length of the messages.",
          type: 'invalid_request_error',
          param: 'messages',
          code: 'context_length_exceeded',
        },
      },
    ]);
    const error = await failure(h);
    expect(error.code).toBe('MODEL_CONTEXT_TOO_LONG');
    expect(error.message).toBe(
      'This conversation is too long for the language model; start a new thread, or ask a shorter question.',
    );
    expect(h.standIn.requests).toHaveLength(1);
  });

  it('a refused key (401 echoing the key) never shows the key', async () => {
    const h = await harness([
      {
        kind: 'error',
        status: 401,
        error: {
          message: `Incorrect API key provided: ${API_KEY}.`,
          type: 'invalid_request_error',
          param: null,
          code: 'invalid_api_key',
        },
      },
    ]);
    const error = await failure(h);
    expect(error.code).toBe('MODEL_AUTH_FAILED');
    expect(error.message).toBe(
      'The language model refused the API key (HTTP 401); check OPENAI_API_KEY (and OPENAI_BASE_URL).',
    );
  });

  it('a rejected request shows the upstream reason with the key redacted', async () => {
    const h = await harness([
      {
        kind: 'error',
        status: 404,
        error: {
          message: `The model gpt-x does not exist (key ${API_KEY})`,
          type: 'invalid_request_error',
          param: null,
          code: 'model_not_found',
        },
      },
    ]);
    const error = await failure(h);
    expect(error.code).toBe('MODEL_REQUEST_REJECTED');
    expect(error.message).toContain('The model gpt-x does not exist (key [redacted])');
  });

  it('an unreachable endpoint gives MODEL_UNAVAILABLE naming the host', async () => {
    const h = await harness([], { maxRetries: 0 });
    await h.standIn.close();
    const error = await failure(h);
    expect(error.code).toBe('MODEL_UNAVAILABLE');
    expect(error.message).toMatch(
      /^Cannot reach the language model at 127\.0\.0\.1:\d+; check OPENAI_BASE_URL/,
    );
  });

  it('abort cancels a waiting call promptly with MODEL_ABORTED', async () => {
    const h = await harness([{ kind: 'hang' }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await failure(h, controller.signal);
    expect(error.code).toBe('MODEL_ABORTED');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(h.standIn.requests).toHaveLength(1);
  });

  it('abort in the middle of a streamed answer is MODEL_ABORTED, not a partial answer', async () => {
    const h = await harness([{ kind: 'stall', chunks: ['Boots sold'] }]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    expect((await failure(h, controller.signal)).code).toBe('MODEL_ABORTED');
  });

  it('no key and no base URL is MODEL_NOT_CONFIGURED', () => {
    expect(() => createOpenAiProvider({ apiKey: undefined, model: 'm' })).toThrow(
      expect.objectContaining({ code: 'MODEL_NOT_CONFIGURED' }),
    );
  });

  it('across every failure: the key never appears in a message or log line, and nothing was unhandled', () => {
    expect(everyMessage.length).toBeGreaterThanOrEqual(20);
    expect(everyLogLine.length).toBeGreaterThanOrEqual(10);
    for (const line of [...everyMessage, ...everyLogLine]) expect(line).not.toContain(API_KEY);
    expect(everyLogLine.every((line) => line.startsWith('warn: model gpt-standin at 127.0.0.1:'))).toBe(true);
    expect(unhandled).toEqual([]);
  });
});

/**
 * A local stand-in for the OpenAI Chat Completions API, for tests only: the real `openai` SDK
 * talks to it over HTTP on 127.0.0.1. It replays a script, one step per HTTP request (a retry
 * by the SDK consumes the next step), and records every request so tests can check what the
 * SDK sent. Wire formats as OpenAI sends them: `chat.completion` JSON, or SSE
 * `data: {chat.completion.chunk}` lines ending with `data: [DONE]`, tool-call deltas keyed by
 * `index` (id and name in the first delta, arguments in pieces), usage in a last chunk with no
 * choices when `stream_options.include_usage` is set, and errors as `{ error: { message, type,
 * param, code } }`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedToolCall {
  id: string;
  name: string;
  /** Sent verbatim, so a test can script invalid JSON. */
  arguments: string;
}

export type ScriptStep =
  /** Text, streamed one chunk per SSE event (joined for a non-streaming request). */
  | { kind: 'text'; chunks: string[]; finishReason?: 'stop' | 'length' | 'content_filter' }
  /** One or several (parallel) tool calls; arguments are streamed in pieces of `pieceSize`. */
  | { kind: 'tool_calls'; calls: ScriptedToolCall[]; text?: string; pieceSize?: number; interleave?: boolean }
  | { kind: 'error'; status: number; error: StandInError; headers?: Record<string, string> }
  /** Accepts the request and never answers. */
  | { kind: 'hang' }
  /** Streams these text chunks, then stops sending without finishing (the connection stays open). */
  | { kind: 'stall'; chunks: string[] }
  /** Streams these text chunks, then closes without a finish reason or [DONE]. */
  | { kind: 'cut'; chunks: string[] }
  /** Streams these text chunks, then one raw SSE `data:` line (an `{"error":…}` event, or garbage). */
  | { kind: 'bad_event'; chunks: string[]; data: string };

export interface StandInError {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

export interface OpenAiStandIn {
  /** For the SDK's baseURL, e.g. http://127.0.0.1:41234/v1 */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Steps not yet consumed. */
  remaining(): number;
  close(): Promise<void>;
}

export const USAGE = { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 };

export async function startOpenAiStandIn(script: ScriptStep[]): Promise<OpenAiStandIn> {
  const steps = [...script];
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (piece: string) => {
      raw += piece;
    });
    req.on('end', () => {
      const body = raw === '' ? {} : (JSON.parse(raw) as Record<string, unknown>);
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      const step = steps.shift();
      if (req.url !== '/v1/chat/completions' || step === undefined) {
        const message = step === undefined ? 'The stand-in script is exhausted.' : `No route ${req.url}.`;
        sendError(
          res,
          404,
          { message, type: 'invalid_request_error', param: null, code: null },
          { 'x-should-retry': 'false' },
        );
        return;
      }
      respond(step, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    remaining: () => steps.length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function respond(step: ScriptStep, body: Record<string, unknown>, res: ServerResponse): void {
  if (step.kind === 'hang') return;
  if (step.kind === 'error') {
    sendError(res, step.status, step.error, step.headers);
    return;
  }
  const model = String(body.model ?? 'stand-in');
  const usage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
  if (body.stream !== true) {
    sendJson(res, 200, completion(step, model));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const send = (delta: Record<string, unknown>, finish: string | null = null) =>
    res.write(`data: ${JSON.stringify(chunk(model, [{ index: 0, delta, finish_reason: finish }]))}\n\n`);
  send({ role: 'assistant', content: '' });
  if (step.kind === 'text' || step.kind === 'stall' || step.kind === 'cut' || step.kind === 'bad_event') {
    for (const text of step.chunks) send({ content: text });
    if (step.kind === 'stall') return;
    if (step.kind === 'bad_event') {
      res.end(`data: ${step.data}\n\n`);
      return;
    }
    if (step.kind === 'cut') {
      res.end();
      return;
    }
    send({}, step.finishReason ?? 'stop');
  } else {
    if (step.text) send({ content: step.text });
    // Each call's first delta carries id and name; then argument pieces, call by call or interleaved.
    const queues = step.calls.map((call, index) => [
      { index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } },
      ...pieces(call.arguments, step.pieceSize ?? 7).map((piece) => ({
        index,
        function: { arguments: piece },
      })),
    ]);
    const order = step.interleave ? roundRobin(queues) : queues.flat();
    for (const delta of order) send({ tool_calls: [delta] });
    send({}, 'tool_calls');
  }
  if (usage) res.write(`data: ${JSON.stringify({ ...chunk(model, []), usage: USAGE })}\n\n`);
  res.end('data: [DONE]\n\n');
}

function completion(step: Exclude<ScriptStep, { kind: 'hang' | 'error' }>, model: string) {
  const isTools = step.kind === 'tool_calls';
  const message = {
    role: 'assistant',
    content: isTools ? (step.text ?? null) : step.chunks.join(''),
    refusal: null,
    ...(isTools
      ? {
          tool_calls: step.calls.map((c) => ({
            id: c.id,
            type: 'function',
            function: { name: c.name, arguments: c.arguments },
          })),
        }
      : {}),
  };
  const finish = isTools ? 'tool_calls' : step.kind === 'text' ? (step.finishReason ?? 'stop') : 'stop';
  return {
    id: 'chatcmpl-standin',
    object: 'chat.completion',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finish }],
    usage: USAGE,
  };
}

function chunk(model: string, choices: unknown[]) {
  return { id: 'chatcmpl-standin', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices };
}

function roundRobin<T>(queues: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; queues.some((queue) => i < queue.length); i++)
    for (const queue of queues) if (i < queue.length) out.push(queue[i] as T);
  return out;
}

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function sendError(
  res: ServerResponse,
  status: number,
  error: StandInError,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error }, headers);
}

function sendJson(
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(payload));
}

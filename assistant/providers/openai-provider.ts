/**
 * The model provider for OpenAI and any OpenAI-compatible endpoint (Azure's v1 API, vLLM,
 * Ollama, LiteLLM), through the official `openai` SDK: Chat Completions, streamed, with strict
 * function tools. Retries are the SDK's own (429, 408, 409, 5xx, connection errors and
 * timeouts; it honours retry-after), bounded here so a person never waits long:
 *  - at most `maxRetries` (2) retries, so 3 attempts;
 *  - a retry-after longer than `maxRetryAfterMs` (20 s) is not waited for: the SDK is told
 *    not to retry (x-should-retry: false) and the user is told when to try again;
 *  - each attempt has `timeoutMs` (60 s) to start answering;
 *  - the whole turn, retries and streaming included, is cut at `totalTimeoutMs` (120 s).
 */
import OpenAI from 'openai';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { Config } from '../../core/config.ts';
import type { Logger } from '../../core/logger.ts';
import { redactText } from '../../core/redact.ts';
import type { ModelEvent, ModelProvider, ModelRequest, StopReason } from './model-provider.ts';
import { type ErrorContext, retryAfterMs, toModelError } from './openai-errors.ts';
import { toOpenAiRequest } from './openai-request.ts';
import { ToolCallAssembler } from './tool-call-assembler.ts';

export interface OpenAiProviderOptions {
  apiKey: string | undefined;
  /** Any OpenAI-compatible base URL; default https://api.openai.com/v1 */
  baseUrl?: string | undefined;
  model: string;
  timeoutMs?: number;
  maxRetries?: number;
  maxRetryAfterMs?: number;
  totalTimeoutMs?: number;
  logger?: Logger;
}

export const OPENAI_DEFAULTS = {
  timeoutMs: 60_000,
  maxRetries: 2,
  maxRetryAfterMs: 20_000,
  totalTimeoutMs: 120_000,
};

const FINISH: Record<string, StopReason> = {
  stop: 'end',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
  length: 'max_tokens',
  content_filter: 'content_filter',
};

export function openAiProviderFromConfig(config: Config, logger?: Logger): ModelProvider {
  return createOpenAiProvider({ ...config.openai, ...(logger ? { logger } : {}) });
}

export function createOpenAiProvider(options: OpenAiProviderOptions): ModelProvider {
  const settings = { ...OPENAI_DEFAULTS, ...definedOnly(options) };
  if (!options.apiKey && !options.baseUrl)
    throw new CodedError(
      ErrorCode.ModelNotConfigured,
      'No language model is configured: set OPENAI_API_KEY (and OPENAI_BASE_URL for a compatible endpoint), or use the offline mode.',
    );
  const baseURL = options.baseUrl ?? 'https://api.openai.com/v1';
  const client = new OpenAI({
    // Local compatible servers often need no key, but the SDK insists on one.
    apiKey: options.apiKey || 'no-key',
    baseURL,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
    logLevel: 'off',
    fetch: capRetryAfter(settings.maxRetryAfterMs),
  });
  const host = safeHost(baseURL);
  const secrets = options.apiKey ? [options.apiKey] : [];
  return {
    name: `openai:${options.model}`,
    stream: (request) =>
      streamTurn(client, request, {
        ...settings,
        model: options.model,
        host,
        secrets,
        logger: options.logger,
      }),
  };
}

interface TurnSettings {
  model: string;
  host: string;
  secrets: string[];
  logger: Logger | undefined;
  timeoutMs: number;
  maxRetries: number;
  totalTimeoutMs: number;
}

async function* streamTurn(
  client: OpenAI,
  request: ModelRequest,
  settings: TurnSettings,
): AsyncGenerator<ModelEvent> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), settings.totalTimeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, deadline.signal]) : deadline.signal;
  const assembler = new ToolCallAssembler();
  let finish: string | null = null;
  try {
    const stream = await client.chat.completions.create(toOpenAiRequest(request, settings.model), { signal });
    for await (const chunk of stream) {
      if (chunk.usage)
        yield {
          type: 'usage',
          inputTokens: chunk.usage.prompt_tokens,
          outputTokens: chunk.usage.completion_tokens,
        };
      const choice = chunk.choices?.[0];
      if (!choice) continue;
      if (choice.delta?.content) yield { type: 'text', delta: choice.delta.content };
      // A refusal is the model's own words to the person: pass it on as text.
      if (choice.delta?.refusal) yield { type: 'text', delta: choice.delta.refusal };
      for (const delta of choice.delta?.tool_calls ?? []) assembler.add(delta);
      if (choice.finish_reason) finish = choice.finish_reason;
    }
    if (finish === null)
      throw new CodedError(
        ErrorCode.ModelBadResponse,
        "The language model's answer was cut off before it finished; try again.",
      );
    for (const call of assembler.complete(request.tools)) yield call;
    yield { type: 'stop', reason: assembler.size > 0 ? 'tool_calls' : (FINISH[finish] ?? 'end') };
  } catch (error) {
    const context: ErrorContext = {
      apiKey: settings.secrets[0],
      host: settings.host,
      attempts: settings.maxRetries + 1,
      timeoutMs: settings.timeoutMs,
      totalTimeoutMs: settings.totalTimeoutMs,
      aborted: request.signal?.aborted ? 'user' : deadline.signal.aborted ? 'deadline' : undefined,
    };
    const coded = toModelError(error, context);
    settings.logger?.warn(
      redactText(
        `model ${settings.model} at ${settings.host}: ${coded.code}: ${coded.message}`,
        settings.secrets,
      ),
    );
    throw coded;
  } finally {
    clearTimeout(timer);
  }
}

/** A fetch that tells the SDK not to retry when the server asks for a wait longer than we allow. */
function capRetryAfter(maxRetryAfterMs: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const wait = retryAfterMs(response.headers);
    if (response.ok || wait === undefined || wait <= maxRetryAfterMs) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the configured OPENAI_BASE_URL';
  }
}

function definedOnly(options: OpenAiProviderOptions): Partial<typeof OPENAI_DEFAULTS> {
  const picked: Partial<typeof OPENAI_DEFAULTS> = {};
  for (const key of Object.keys(OPENAI_DEFAULTS) as (keyof typeof OPENAI_DEFAULTS)[])
    if (options[key] !== undefined) picked[key] = options[key];
  return picked;
}

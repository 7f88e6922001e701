/**
 * Shared set-up for the OpenAI provider's tests: a stand-in per script, a provider pointed at
 * it with short timeouts, and a logger that keeps its lines so tests can look for the key.
 */
import { z } from 'zod';
import { createLogger } from '../../core/logger.ts';
import { toStrictToolSchema } from '../../tools/strict-tool-schema.ts';
import type { ModelProvider, ModelRequest, ToolDefinition } from './model-provider.ts';
import { createOpenAiProvider, type OpenAiProviderOptions } from './openai-provider.ts';
import { type OpenAiStandIn, type ScriptStep, startOpenAiStandIn } from './openai-stand-in.ts';

// Not shaped like sk-…, so the generic token patterns of core/redact.ts cannot hide a leak.
export const API_KEY = 'standin-SECRET-0123456789abcdef';

export const TOOLS: ToolDefinition[] = [
  {
    name: 'query_metrics',
    description: 'Figures for metrics by dimensions over a period.',
    parameters: toStrictToolSchema(
      z.object({
        metrics: z.array(z.string()),
        dimensions: z.array(z.string()),
        limit: z.number().int().nullable(),
      }),
      'query_metrics',
    ),
  },
  {
    name: 'data_freshness',
    description: 'When the warehouse was last loaded.',
    parameters: toStrictToolSchema(z.object({}), 'data_freshness'),
  },
];

export function question(text: string, extra: Partial<ModelRequest> = {}): ModelRequest {
  return {
    system: 'You answer questions about sales.',
    messages: [{ role: 'user', content: text }],
    tools: TOOLS,
    ...extra,
  };
}

export interface Harness {
  standIn: OpenAiStandIn;
  provider: ModelProvider;
  logLines: string[];
}

const open: OpenAiStandIn[] = [];

export async function harness(
  script: ScriptStep[],
  options: Partial<OpenAiProviderOptions> = {},
): Promise<Harness> {
  const standIn = await startOpenAiStandIn(script);
  open.push(standIn);
  const logLines: string[] = [];
  // No secrets given to the logger on purpose: the provider itself must keep the key out.
  const logger = createLogger({ level: 'debug', write: (line) => logLines.push(line) });
  const provider = createOpenAiProvider({
    apiKey: API_KEY,
    baseUrl: standIn.baseUrl,
    model: 'gpt-standin',
    timeoutMs: 2_000,
    totalTimeoutMs: 10_000,
    logger,
    ...options,
  });
  return { standIn, provider, logLines };
}

export async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((standIn) => standIn.close()));
}

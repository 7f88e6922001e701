/**
 * Test support for the loop: an assistant over the trap fixture warehouse (tools/tool-test-context),
 * app memory on PGlite in a temporary directory, a scripted planner and, optionally, a provider.
 * Log lines are kept so tests can find reference ids.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLogger } from '../core/logger.ts';
import { type AppDb, openAppDb } from '../db/app-db.ts';
import type { Warehouse } from '../db/warehouse.ts';
import type { Caller, ToolContext } from '../tools/tool.ts';
import { fixtureContext, openFixtureWarehouse, TEST_CLOCK } from '../tools/tool-test-context.ts';
import type { Answer } from './answer.ts';
import type { AnswerEvent, Assistant } from './assistant.ts';
import type { AssistantDeps } from './loop/assistant-deps.ts';
import { createAssistant } from './loop/create-assistant.ts';
import type { AppStores } from './memory/app-stores.ts';
import { createAppStores } from './memory/open-app-stores.ts';
import type { Planner } from './planner/plan.ts';
import type { ModelProvider } from './providers/model-provider.ts';

export interface LoopKit {
  warehouse: Warehouse;
  baseContext: ToolContext;
  appDb: AppDb;
  stores: AppStores;
  logLines: string[];
  build(planner: Planner, provider?: ModelProvider, extra?: Partial<AssistantDeps>): Assistant;
  close(): Promise<void>;
}

export async function openLoopKit(): Promise<LoopKit> {
  const fixture = await openFixtureWarehouse();
  const baseContext = await fixtureContext(fixture.warehouse);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shoebox-loop-'));
  const appDb = await openAppDb(`pglite:${path.join(dir, 'app')}`);
  const stores = createAppStores(appDb, { clock: TEST_CLOCK, validateQuery: () => undefined });
  const logLines: string[] = [];
  const log = createLogger({ level: 'debug', write: (line) => logLines.push(line) });
  return {
    warehouse: fixture.warehouse,
    baseContext,
    appDb,
    stores,
    logLines,
    build: (planner, provider, extra = {}) =>
      createAssistant({
        planner,
        threads: stores.threads,
        model: baseContext.model,
        toolContext: (caller, requestId, artifacts) => ({ ...baseContext, caller, requestId, artifacts }),
        provider,
        clock: TEST_CLOCK,
        log,
        ...extra,
      }),
    async close() {
      await appDb.close();
      await fixture.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function collect(
  assistant: Assistant,
  question: string,
  caller: Caller,
  threadId: string | null = null,
): Promise<{ events: AnswerEvent[]; answer: Answer }> {
  const events: AnswerEvent[] = [];
  for await (const event of assistant.ask({ threadId, question, caller })) events.push(event);
  const last = events.at(-1);
  if (last?.type !== 'answer') throw new Error('the turn did not end with an answer event');
  return { events, answer: last.answer };
}

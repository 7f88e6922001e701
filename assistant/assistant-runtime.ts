/**
 * CONTRACT (implemented by the loop work in open-assistant-runtime.ts): everything a surface needs
 * to answer questions, opened once per process from the settings: the warehouse (read-only), the
 * semantic model and its catalog, the ledger, the app database and its stores, the model provider
 * (OpenAI when configured, else offline) and the assistant itself.
 */
import type { Config } from '../core/config.ts';
import type { Logger } from '../core/logger.ts';
import type { AppDb } from '../db/app-db.ts';
import type { Warehouse } from '../db/warehouse.ts';
import type { LedgerService } from '../ledger/ledger-service.ts';
import type { SemanticLayerModel } from '../semantic-layer/model/semantic-layer-model.ts';
import type { Caller, ToolContext } from '../tools/tool.ts';
import type { Assistant } from './assistant.ts';
import type { AppStores } from './memory/app-stores.ts';
import type { Planner } from './planner/plan.ts';

export type ProviderChoice = 'auto' | 'offline' | 'openai';

export interface OpenAssistantRuntimeOptions {
  config: Config;
  log: Logger;
  /** auto (default): OpenAI when OPENAI_API_KEY or OPENAI_BASE_URL is set, else offline. */
  provider?: ProviderChoice;
  /** Use this warehouse instead of opening config.warehouseUrl (the caller closes it). */
  warehouse?: Warehouse;
  /** Use this app database instead of opening config.appDatabaseUrl (the caller closes it). */
  appDb?: AppDb;
  /** Use this semantic model instead of loading config.semanticModelDir (a caller that has it). */
  model?: SemanticLayerModel;
}

export interface AssistantRuntime {
  assistant: Assistant;
  stores: AppStores;
  /** undefined when no ledger is configured. */
  ledger: LedgerService | undefined;
  planner: Planner;
  model: SemanticLayerModel;
  warehouse: Warehouse;
  appDb: AppDb;
  /** "offline" or "openai:<model>". */
  providerName: string;
  /** A tool context for a caller, for surfaces that run a tool directly (the dashboard). */
  toolContext(caller: Caller, requestId: string): ToolContext;
  /** Re-reads the dimension value index and verified queries (after a load or a correction). */
  refresh(): Promise<void>;
  close(): Promise<void>;
}

/** How the web surfaces open the assistant runtime (injected, so tests and builds can choose). */
import type { AssistantRuntime } from '../assistant/assistant-runtime.ts';
import type { Config } from '../core/config.ts';
import type { Logger } from '../core/logger.ts';
import type { Warehouse } from '../db/warehouse.ts';

export type RuntimeOpener = (options: {
  config: Config;
  log: Logger;
  warehouse: Warehouse;
}) => Promise<AssistantRuntime>;

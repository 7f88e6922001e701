/** What the loop needs, injected (the runtime wires the real ones; tests wire fixtures). */
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import type { SemanticLayerModel } from '../../semantic-layer/model/semantic-layer-model.ts';
import type { ArtifactStore } from '../../tools/artifact-store.ts';
import type { AnyTool, Caller, ToolContext } from '../../tools/tool.ts';
import type { FigureStyle } from '../compose/format-figure.ts';
import type { ThreadStore } from '../memory/app-stores.ts';
import type { Planner } from '../planner/plan.ts';
import type { ModelProvider } from '../providers/model-provider.ts';

export interface LoopLimits {
  /** Model calls per turn before the loop gives up. */
  maxModelCalls: number;
  /** Wall time per turn (planning, tools and model calls). */
  turnTimeoutMs: number;
  /** Characters of earlier turns' messages sent to the model; the oldest turns go first. */
  historyChars: number;
  /** Longest question accepted before the planner sees it. */
  maxQuestionChars: number;
}

export const DEFAULT_LOOP_LIMITS: LoopLimits = {
  maxModelCalls: 6,
  turnTimeoutMs: 60_000,
  historyChars: 24_000,
  maxQuestionChars: 4_000,
};

export interface AssistantDeps {
  planner: Planner;
  threads: ThreadStore;
  model: SemanticLayerModel;
  /** A tool context for this caller and turn, over the given artifact store. */
  toolContext(caller: Caller, requestId: string, artifacts: ArtifactStore): ToolContext;
  /** undefined: offline (clarifications answer with suggestions instead of a model call). */
  provider: ModelProvider | undefined;
  clock: Clock;
  log: Logger;
  limits?: Partial<LoopLimits>;
  /** The tools offered (default: every assistant tool); each call is still role-checked. */
  tools?: readonly AnyTool[];
  style?: FigureStyle;
}

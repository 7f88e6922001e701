/**
 * The tool contract: what the model may call, who may call it, and what comes back. The caller's
 * identity travels in the context from the surface (web session, Slack user, CLI user), never in
 * the model's arguments: every tool's input is a closed object, so an argument such as `user_id`
 * is refused before the tool runs.
 */
import type { z } from 'zod';
import type { Clock } from '../core/clock.ts';
import type { Warehouse } from '../db/warehouse.ts';
import type { LedgerChannel } from '../ledger/ledger-actor.ts';
import type { LedgerService } from '../ledger/ledger-service.ts';
import type { CatalogIndex } from '../semantic-layer/catalog/catalog-index.ts';
import type { DimensionValueIndex } from '../semantic-layer/catalog/dimension-value-index.ts';
import type { SemanticLayerModel } from '../semantic-layer/model/semantic-layer-model.ts';
import type { ArtifactStore, ToolArtifact } from './artifact-store.ts';
import type { FreshnessReader } from './freshness.ts';
import type { ToolRole } from './tool-roles.ts';

/** Who asks, as the surface authenticated them. */
export interface Caller {
  userId: string;
  roles: string[];
  channel: LedgerChannel;
}

export interface ToolLimits {
  /** Rows the warehouse may return to one query (the rest is reported as truncated). */
  maxRows: number;
  /** Rows shown to the model in a tool result; all rows go to the artifact. */
  modelRows: number;
  queryTimeoutMs: number;
}

export const DEFAULT_TOOL_LIMITS: ToolLimits = { maxRows: 1000, modelRows: 20, queryTimeoutMs: 15_000 };

export interface ToolContext {
  caller: Caller;
  /** The user's turn (message) this call belongs to: the ledger's idempotency keys derive from it. */
  requestId: string;
  warehouse: Warehouse;
  model: SemanticLayerModel;
  catalog: CatalogIndex;
  /** The dimensions' warehouse values, when indexed; the model's sample_values otherwise. */
  dimensionValues: DimensionValueIndex | undefined;
  /** Absent where no ledger is configured: the finance tools then say so. */
  ledger: LedgerService | undefined;
  /** Last successful load per source; supplied by the pipeline (see freshness.ts). */
  freshness: FreshnessReader;
  clock: Clock;
  fiscalYearStartMonth: number;
  limits: ToolLimits;
  artifacts: ArtifactStore;
}

/** What a tool's handler returns: JSON for the model, and the full artifacts for the channel. */
export interface ToolOutput {
  content: Record<string, unknown>;
  artifacts: ToolArtifact[];
}

export interface Tool<Input = unknown> {
  name: string;
  description: string;
  /** Validated on our side before `run`; its JSON Schema (strict) is offered to the model. */
  input: z.ZodType<Input>;
  /** The least role allowed to call it. */
  role: ToolRole;
  run(input: Input, ctx: ToolContext): Promise<ToolOutput>;
}

/** The outcome of one call, as handed back to the model (content) and the channel (artifacts). */
export type ToolResult =
  | { ok: true; tool: string; content: Record<string, unknown>; artifacts: ToolArtifact[] }
  | { ok: false; tool: string; error: { code: string; message: string } };

// biome-ignore lint/suspicious/noExplicitAny: a list of tools of different inputs
export type AnyTool = Tool<any>;

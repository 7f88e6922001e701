/** The ledger's actor for a tool call: always the caller from the context, never the model's arguments. */
import { createHash } from 'node:crypto';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { LedgerActor } from '../ledger/ledger-actor.ts';
import type { LedgerService } from '../ledger/ledger-service.ts';
import type { ToolContext } from './tool.ts';

export function ledgerActorOf(ctx: ToolContext): LedgerActor {
  return { userId: ctx.caller.userId, roles: [...ctx.caller.roles], channel: ctx.caller.channel };
}

export function ledgerOf(ctx: ToolContext): LedgerService {
  if (!ctx.ledger) {
    throw new CodedError(
      ErrorCode.BadArgument,
      'No ledger is configured here (LEDGER_URL): tell the user finance entries cannot be drafted or read in this setup.',
    );
  }
  return ctx.ledger;
}

/**
 * One key per user turn, user and arguments: a model that repeats the same call in the same turn
 * (a retry) gets the same draft back instead of a second one.
 */
export function idempotencyKeyOf(ctx: ToolContext, tool: string, args: unknown): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([ctx.caller.userId, ctx.requestId, args]))
    .digest('hex')
    .slice(0, 32);
  return `tool:${tool}:${digest}`;
}

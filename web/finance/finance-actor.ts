/** The ledger actor for a signed-in web user: roles mapped as for tools, the session as channel. */
import type { Response } from 'express';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { LedgerActor } from '../../ledger/ledger-actor.ts';
import type { LedgerService } from '../../ledger/ledger-service.ts';
import { callerOf, type WebDeps, type WebUser } from '../web-contract.ts';

export function actorOf(response: Response): LedgerActor {
  const user = response.locals.user as WebUser;
  const caller = callerOf(user, response.locals.sessionId as string | undefined);
  return { userId: caller.userId, roles: caller.roles, channel: caller.channel as LedgerActor['channel'] };
}

export function ledgerOf(deps: WebDeps): LedgerService {
  const ledger = deps.runtime.ledger;
  if (!ledger) {
    throw new CodedError(
      ErrorCode.LedgerNotFound,
      'No ledger is configured for this server: set LEDGER_URL and restart to use the finance pages.',
    );
  }
  return ledger;
}

/** Query-string text, trimmed and bounded; undefined when empty. */
export function queryText(value: unknown, max = 100): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim().slice(0, max);
  return text === '' ? undefined : text;
}

/** A YYYY-MM-DD query value, or undefined; anything else is a 400. */
export function queryDate(value: unknown, name: string): string | undefined {
  const text = queryText(value, 10);
  if (text === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text))) {
    throw new CodedError(ErrorCode.BadArgument, `"${name}" must be a date as YYYY-MM-DD (got "${text}").`);
  }
  return text;
}

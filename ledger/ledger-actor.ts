/**
 * Who is asking, and from where. Every service method takes an actor; the channel is written to
 * the audit trail with the request text.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';

export type LedgerChannel =
  | { kind: 'web'; sessionId?: string }
  | { kind: 'slack'; teamId: string; channelId: string; messageTs: string }
  | { kind: 'cli'; host?: string };

export interface LedgerActor {
  userId: string;
  roles: string[];
  channel: LedgerChannel;
}

/** The role that may confirm, reverse, list entries and read reports. */
export const FINANCE_ROLE = 'finance';

export function isFinance(actor: LedgerActor): boolean {
  return actor.roles.includes(FINANCE_ROLE);
}

export function requireFinance(actor: LedgerActor, what: string): void {
  if (!isFinance(actor)) {
    throw new CodedError(
      ErrorCode.LedgerForbidden,
      `${actor.userId} may not ${what}: it needs the "${FINANCE_ROLE}" role. Ask someone in finance to do it.`,
      { details: { userId: actor.userId, roles: actor.roles } },
    );
  }
}

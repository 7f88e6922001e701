/**
 * Who a Slack user is to shoebox: the SLACK_USER_ROLES mapping gives a shoebox user and roles;
 * an unmapped user is `slack:TEAM:USER` with SLACK_DEFAULT_ROLE (viewer unless configured). Roles
 * come from this mapping only, never from what the user types. Like the web's callerOf, the
 * result is a tool Caller with the channel it came from.
 */
import { FINANCE_ROLE } from '../ledger/ledger-actor.ts';
import type { Caller } from '../tools/tool.ts';

export interface SlackIdentityConfig {
  users: Record<string, { userId: string; roles: string[] }>;
  defaultRoles: string[];
}

export interface SlackOrigin {
  teamId: string;
  slackUserId: string;
  channelId: string;
  messageTs: string;
}

export function slackCallerOf(identity: SlackIdentityConfig, origin: SlackOrigin): Caller {
  const mapped = identity.users[origin.slackUserId];
  return {
    userId: mapped?.userId ?? `slack:${origin.teamId}:${origin.slackUserId}`,
    roles: [...new Set(mapped?.roles ?? identity.defaultRoles)],
    channel: {
      kind: 'slack',
      teamId: origin.teamId,
      channelId: origin.channelId,
      messageTs: origin.messageTs,
    },
  };
}

export function isFinanceCaller(caller: Caller): boolean {
  return caller.roles.includes(FINANCE_ROLE);
}

/**
 * Ledger commands ("record expense ...", "reverse LE...", "undo the last expense"): the bot refuses
 * them to non-finance callers and outside DMs before asking the assistant, whose tools check again.
 */
const LEDGER_COMMAND =
  /^\s*(please\s+)?(record|book|log|enter|reverse|undo|void)\s+(an?\s+|the\s+)?(last\s+)?(expense|income|supplier\s+payment|payment|transfer|transaction|entry|LE\d+)\b/i;

export function isLedgerCommand(text: string): boolean {
  return LEDGER_COMMAND.test(text);
}

/**
 * What the web app's parts agree on: the signed-in user on `res.locals`, the roles, how a web user
 * becomes a tool Caller, and the dependencies every router receives. The platform (sign-in,
 * sessions, CSRF, rate limits, headers, metrics) fills `res.locals`; feature routers (chat,
 * dashboard, admin, finance) only read it.
 *
 * res.locals after the platform's middleware:
 *   user: WebUser | undefined      (undefined: not signed in)
 *   sessionId: string | undefined
 *   csrfToken: string              (every page's <meta name="csrf-token">; forms send it as the
 *                                   hidden field "_csrf", fetch() as the header "x-csrf-token")
 *   requestId: string              (also in the logs and in error pages)
 */
import type { AssistantRuntime } from '../assistant/assistant-runtime.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { AppDb } from '../db/app-db.ts';
import type { Caller } from '../tools/tool.ts';

export const WEB_ROLES = ['manager', 'finance', 'admin'] as const;
export type WebRole = (typeof WEB_ROLES)[number];

export interface WebUser {
  id: string;
  username: string;
  displayName: string;
  roles: WebRole[];
}

/**
 * Web roles to the tools' roles: a manager reads figures; finance also works the ledger; an
 * admin reads figures and manages verified queries and users. The tools check these, never the
 * model's arguments.
 */
const TOOL_ROLES_OF: Record<WebRole, string[]> = {
  manager: ['analyst'],
  finance: ['analyst', 'finance'],
  admin: ['analyst', 'admin'],
};

export function callerOf(user: WebUser, sessionId: string | undefined): Caller {
  const roles = [...new Set(user.roles.flatMap((role) => TOOL_ROLES_OF[role]))];
  return { userId: user.id, roles, channel: { kind: 'web', ...(sessionId ? { sessionId } : {}) } };
}

export interface WebDeps {
  runtime: AssistantRuntime;
  appDb: AppDb;
  log: Logger;
  clock: Clock;
}

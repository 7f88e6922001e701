/**
 * Roles a tool may require, and which caller roles satisfy each. "finance" is the ledger's own
 * role (ledger-actor.ts), satisfied only by itself so that the tool agrees with the ledger's check;
 * viewer is any known role: a caller with no role at all may call nothing.
 */
import { FINANCE_ROLE } from '../ledger/ledger-actor.ts';

export const TOOL_ROLES = ['viewer', 'analyst', 'finance', 'admin'] as const;
export type ToolRole = (typeof TOOL_ROLES)[number];

const SATISFIED_BY: Record<ToolRole, readonly string[]> = {
  viewer: ['viewer', 'analyst', FINANCE_ROLE, 'admin'],
  analyst: ['analyst', 'admin'],
  finance: [FINANCE_ROLE],
  admin: ['admin'],
};

export function hasToolRole(callerRoles: readonly string[], required: ToolRole): boolean {
  return SATISFIED_BY[required].some((role) => callerRoles.includes(role));
}

/**
 * An entry's audit trail: the ledger_requests rows behind it (the draft that proposed it with the
 * words typed, the confirm or import that posted it, and the reversal that undid it), oldest first,
 * with the usernames of the app's users where the ids are theirs.
 */
import type { AppDb } from '../../db/app-db.ts';
import type { LedgerDb } from '../../db/ledger-db.ts';

export interface AuditStep {
  action: string;
  userId: string;
  username: string | null;
  roles: string[];
  channel: string;
  text: string | null;
  at: string;
}

const TRAIL = `SELECT r.action, r.user_id, r.roles, r.channel_kind, r.channel, r.request_text, r.requested_at
  FROM ledger_requests r
 WHERE r.id IN (
   SELECT e.request_id FROM ledger_entries e WHERE e.entry_number = $1
   UNION SELECT d.request_id FROM ledger_drafts d JOIN ledger_entries e ON e.id = d.entry_id WHERE e.entry_number = $1
   UNION SELECT v.request_id FROM ledger_entries v JOIN ledger_entries e ON v.reversal_of = e.id WHERE e.entry_number = $1)
 ORDER BY r.requested_at, r.id`;

function describeChannel(kind: string, channel: Record<string, unknown> | null): string {
  if (kind === 'web') return channel?.sessionId ? `web (session ${String(channel.sessionId)})` : 'web';
  if (kind === 'slack') return `Slack (channel ${String(channel?.channelId ?? '?')})`;
  return channel?.host ? `command line on ${String(channel.host)}` : 'command line';
}

export async function readEntryAudit(
  ledgerDb: LedgerDb,
  appDb: AppDb,
  entryNumber: string,
): Promise<AuditStep[]> {
  const { rows } = await ledgerDb.query<{
    action: string;
    user_id: string;
    roles: string[];
    channel_kind: string;
    channel: Record<string, unknown> | null;
    request_text: string | null;
    requested_at: Date;
  }>(TRAIL, [entryNumber]);
  const ids = [...new Set(rows.map((r) => r.user_id))];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    const found = await appDb.query<{ id: string; username: string }>(
      'SELECT id, username FROM app.users WHERE id = ANY($1::text[])',
      [ids],
    );
    for (const row of found.rows) names.set(row.id, row.username);
  }
  return rows.map((r) => ({
    action: r.action,
    userId: r.user_id,
    username: names.get(r.user_id) ?? null,
    roles: r.roles,
    channel: describeChannel(r.channel_kind, r.channel),
    text: r.request_text,
    at: new Date(r.requested_at).toISOString(),
  }));
}

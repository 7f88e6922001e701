/** The audit trail: one append-only row per write, saying who asked, from where, when and what. */
import type { LedgerSession } from '../db/ledger-db.ts';
import type { LedgerActor } from './ledger-actor.ts';

export type LedgerAction = 'draft' | 'confirm' | 'cancel' | 'reverse' | 'import';

export async function auditRequest(
  tx: LedgerSession,
  actor: LedgerActor,
  request: { action: LedgerAction; text: string | null; idempotencyKey: string; at: Date },
): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO ledger_requests (action, user_id, roles, channel_kind, channel, request_text, idempotency_key, requested_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      request.action,
      actor.userId,
      actor.roles,
      actor.channel.kind,
      JSON.stringify(actor.channel),
      request.text === null ? null : request.text.slice(0, 2000),
      request.idempotencyKey,
      request.at,
    ],
  );
  return rows[0]?.id as number;
}

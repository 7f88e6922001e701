/**
 * Pending drafts: stored by anyone, shown as a card (amount, accounts, date, counterparty, memo),
 * visible to their author and to finance, cancelled by either.
 */
import { randomUUID } from 'node:crypto';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { LedgerSession } from '../db/ledger-db.ts';
import { auditRequest } from './audit-request.ts';
import type { ChartAccount } from './chart-matcher.ts';
import { formatMinor } from './currencies.ts';
import { isFinance, type LedgerActor } from './ledger-actor.ts';
import type { LedgerDraft } from './ledger-draft.ts';

export interface DraftCard {
  draftId: string;
  status: 'pending' | 'confirmed' | 'cancelled';
  kind: LedgerDraft['kind'];
  amount: string;
  amountMinor: number;
  currency: string;
  entryDate: string;
  debit: { code: string; name: string };
  credit: { code: string; name: string };
  counterparty: string | null;
  memo: string;
  createdBy: string;
  entryNumber: string | null;
}

export interface DraftRow {
  id: string;
  status: DraftCard['status'];
  draft: LedgerDraft;
  created_by: string;
  entry_number: string | null;
}

const DRAFT_SELECT = `SELECT d.id, d.status, d.draft, d.created_by, e.entry_number
  FROM ledger_drafts d LEFT JOIN ledger_entries e ON e.id = d.entry_id`;

export function toCard(row: DraftRow, chart: readonly ChartAccount[]): DraftCard {
  const d = row.draft;
  const account = (code: string) => ({ code, name: chart.find((a) => a.code === code)?.name ?? code });
  return {
    draftId: row.id,
    status: row.status,
    kind: d.kind,
    amount: formatMinor(d.amountMinor, d.currency),
    amountMinor: d.amountMinor,
    currency: d.currency,
    entryDate: d.entryDate,
    debit: account(d.debitAccount),
    credit: account(d.creditAccount),
    counterparty: d.counterparty,
    memo: d.memo,
    createdBy: row.created_by,
    entryNumber: row.entry_number,
  };
}

export async function insertDraft(
  tx: LedgerSession,
  actor: LedgerActor,
  draft: LedgerDraft,
  request: { text: string | null; idempotencyKey: string; at: Date },
): Promise<DraftRow> {
  const requestId = await auditRequest(tx, actor, { action: 'draft', ...request });
  const id = randomUUID();
  await tx.query(
    `INSERT INTO ledger_drafts (id, status, draft, created_by, request_id, created_at)
     VALUES ($1, 'pending', $2, $3, $4, $5)`,
    [id, JSON.stringify(draft), actor.userId, requestId, request.at],
  );
  return { id, status: 'pending', draft, created_by: actor.userId, entry_number: null };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The draft, locked for update when `lock`; not found when it is someone else's and the actor is not finance. */
export async function findDraft(
  tx: LedgerSession,
  actor: LedgerActor,
  draftId: string,
  lock = false,
): Promise<DraftRow> {
  const row = UUID.test(draftId)
    ? (
        await tx.query<DraftRow>(`${DRAFT_SELECT} WHERE d.id = $1${lock ? ' FOR UPDATE OF d' : ''}`, [
          draftId,
        ])
      ).rows[0]
    : undefined;
  if (!row || (row.created_by !== actor.userId && !isFinance(actor))) {
    throw new CodedError(
      ErrorCode.LedgerNotFound,
      `No draft ${draftId} that you can see; list your drafts with \`shoebox ledger drafts\`.`,
      { details: { draftId } },
    );
  }
  return row;
}

export async function listDraftRows(db: LedgerSession, actor: LedgerActor): Promise<DraftRow[]> {
  const mine = !isFinance(actor);
  const { rows } = await db.query<DraftRow>(
    `${DRAFT_SELECT} WHERE d.status = 'pending' AND ($1::text IS NULL OR d.created_by = $1) ORDER BY d.created_at, d.id`,
    [mine ? actor.userId : null],
  );
  return rows;
}

export async function cancelDraftRow(
  tx: LedgerSession,
  actor: LedgerActor,
  draftId: string,
  request: { idempotencyKey: string; at: Date },
): Promise<DraftRow> {
  const row = await findDraft(tx, actor, draftId, true);
  if (row.status === 'cancelled') return row;
  if (row.status === 'confirmed') {
    throw new CodedError(
      ErrorCode.LedgerDraftClosed,
      `Draft ${draftId} was already confirmed as ${row.entry_number}; to undo it, reverse that entry.`,
    );
  }
  await auditRequest(tx, actor, { action: 'cancel', text: null, ...request });
  await tx.query(
    `UPDATE ledger_drafts SET status = 'cancelled', resolved_by = $2, resolved_at = $3 WHERE id = $1`,
    [draftId, actor.userId, request.at],
  );
  return { ...row, status: 'cancelled' };
}

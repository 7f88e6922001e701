/**
 * Confirms a pending draft into a posted entry, once: the draft row is locked, so a second
 * confirm (same or another key, at the same time or later) finds it confirmed and returns the
 * same entry. A cancelled draft cannot be confirmed.
 */
import type { Clock } from '../core/clock.ts';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { LedgerSession } from '../db/ledger-db.ts';
import type { ChartAccount } from './chart-matcher.ts';
import type { LedgerActor } from './ledger-actor.ts';
import { findDraft } from './ledger-drafts.ts';
import { postEntry } from './post-entry.ts';
import { type PostedEntry, readEntries } from './read-entries.ts';
import { validateDraft } from './validate-draft.ts';

export async function confirmDraft(
  tx: LedgerSession,
  actor: LedgerActor,
  draftId: string,
  context: { idempotencyKey: string; at: Date; chart: readonly ChartAccount[]; clock: Clock },
): Promise<PostedEntry> {
  const row = await findDraft(tx, actor, draftId, true);
  if (row.status === 'confirmed') {
    // Read the entry in a new statement: after waiting on the lock, Postgres re-checks only the
    // locked draft row (status now 'confirmed'), and the joined entry_number can still be null.
    const [entry] = await readEntries(tx, 'e.id = (SELECT entry_id FROM ledger_drafts WHERE id = $1)', [
      draftId,
    ]);
    if (entry) return entry;
    throw new CodedError(ErrorCode.LedgerDraftClosed, `Draft ${draftId} is already confirmed.`);
  }
  if (row.status === 'cancelled') {
    throw new CodedError(
      ErrorCode.LedgerDraftClosed,
      `Draft ${draftId} was cancelled and cannot be confirmed; record it again to make a new draft.`,
    );
  }
  // The chart or the date window may have changed since the draft was made.
  const draft = validateDraft(row.draft, context.chart, context.clock);
  const posted = await postEntry(tx, {
    kind: draft.kind,
    entryDate: draft.entryDate,
    memo: draft.memo,
    counterparty: draft.counterparty,
    reversalOf: null,
    idempotencyKey: context.idempotencyKey,
    actor,
    action: 'confirm',
    requestText: null,
    at: context.at,
    postings: [
      { accountCode: draft.debitAccount, amountMinor: draft.amountMinor, currency: draft.currency },
      { accountCode: draft.creditAccount, amountMinor: -draft.amountMinor, currency: draft.currency },
    ],
    draftId,
  });
  // Built from what was just written: no read-back query on the hot path.
  const nameOf = (code: string) => context.chart.find((a) => a.code === code)?.name ?? code;
  return {
    entryId: posted.id,
    entryNumber: posted.entryNumber,
    entryDate: draft.entryDate,
    kind: draft.kind,
    memo: draft.memo,
    counterparty: draft.counterparty === null ? null : draft.counterparty.trim(),
    reversalOf: null,
    reversedBy: null,
    createdBy: actor.userId,
    lines: [
      {
        accountCode: draft.debitAccount,
        accountName: nameOf(draft.debitAccount),
        amountMinor: draft.amountMinor,
        currency: draft.currency,
      },
      {
        accountCode: draft.creditAccount,
        accountName: nameOf(draft.creditAccount),
        amountMinor: -draft.amountMinor,
        currency: draft.currency,
      },
    ],
  };
}

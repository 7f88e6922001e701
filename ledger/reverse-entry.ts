/**
 * Reverses a posted entry with a mirror entry dated today that references it. Refuses a reversal
 * of a reversal and a second reversal (the database refuses both too: trigger and unique index).
 */
import { CodedError, ErrorCode, isCodedError } from '../core/coded-error.ts';
import type { LedgerSession } from '../db/ledger-db.ts';
import type { LedgerActor } from './ledger-actor.ts';
import { MAX_MEMO_LENGTH } from './ledger-draft.ts';
import { postEntry } from './post-entry.ts';
import { type PostedEntry, readEntries, readEntry } from './read-entries.ts';

function refused(message: string): CodedError {
  return new CodedError(ErrorCode.LedgerReversalRefused, message);
}

export async function reverseEntry(
  tx: LedgerSession,
  actor: LedgerActor,
  entryNumber: string,
  request: { idempotencyKey: string; at: Date; today: string; reason: string | null },
): Promise<PostedEntry> {
  const [original] = await readEntries(tx, 'e.entry_number = $1', [entryNumber], 1);
  if (!original) {
    throw new CodedError(
      ErrorCode.LedgerNotFound,
      `No entry ${entryNumber}; find it with \`shoebox ledger list\`.`,
    );
  }
  if (original.reversalOf) {
    throw refused(
      `${entryNumber} is itself the reversal of ${original.reversalOf} and cannot be reversed; record a new entry instead.`,
    );
  }
  if (original.reversedBy) throw refused(`${entryNumber} was already reversed by ${original.reversedBy}.`);
  const memo = `Reversal of ${entryNumber}${request.reason ? `: ${request.reason}` : ''}`.slice(
    0,
    MAX_MEMO_LENGTH,
  );
  try {
    const posted = await postEntry(tx, {
      kind: 'reversal',
      entryDate: request.today,
      memo,
      counterparty: original.counterparty,
      reversalOf: original.entryId,
      idempotencyKey: request.idempotencyKey,
      actor,
      action: 'reverse',
      requestText: request.reason,
      at: request.at,
      draftId: null,
      postings: original.lines.map((l) => ({
        accountCode: l.accountCode,
        amountMinor: -l.amountMinor,
        currency: l.currency,
      })),
    });
    return await readEntry(tx, posted.id);
  } catch (error) {
    // Two reversals at once: the unique index lets one through.
    if (isCodedError(error) && error.details?.constraint === 'ledger_entries_one_reversal') {
      throw refused(`${entryNumber} was already reversed by another request.`);
    }
    throw error;
  }
}

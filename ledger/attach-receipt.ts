/**
 * Receipt references: a URI (https, s3 or a Slack file) and optionally its sha256, attached to a
 * draft (by its author or finance) or to a posted entry (finance). The file itself is never stored.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { LedgerSession } from '../db/ledger-db.ts';
import { type LedgerActor, requireFinance } from './ledger-actor.ts';
import { findDraft } from './ledger-drafts.ts';

export interface Receipt {
  uri: string;
  sha256?: string;
  contentType?: string;
}

export type AttachTarget = { draftId: string } | { entryNumber: string };

function invalid(message: string): CodedError {
  return new CodedError(ErrorCode.LedgerInvalidInput, message);
}

export function checkReceipt(receipt: Receipt): void {
  if (!/^(?:https:\/\/|s3:\/\/|slack:)[\x21-\x7e]{1,1990}$/.test(receipt.uri)) {
    throw invalid(
      'A receipt must be an https://, s3:// or slack: reference of at most 2000 characters, without spaces.',
    );
  }
  if (receipt.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(receipt.sha256)) {
    throw invalid('A receipt sha256 must be 64 lower-case hexadecimal characters.');
  }
  if (receipt.contentType !== undefined && !/^[\w.+-]+\/[\w.+-]+$/.test(receipt.contentType)) {
    throw invalid('A receipt content type must look like image/png or application/pdf.');
  }
}

export async function attachReceipt(
  tx: LedgerSession,
  actor: LedgerActor,
  target: AttachTarget,
  receipt: Receipt,
  at: Date,
): Promise<{ attachmentId: number }> {
  checkReceipt(receipt);
  let draftId: string | null = null;
  let entryId: number | null = null;
  if ('draftId' in target) {
    draftId = (await findDraft(tx, actor, target.draftId)).id;
  } else {
    requireFinance(actor, 'attach a receipt to a posted entry');
    const { rows } = await tx.query<{ id: number }>('SELECT id FROM ledger_entries WHERE entry_number = $1', [
      target.entryNumber,
    ]);
    entryId = rows[0]?.id ?? null;
    if (entryId === null) {
      throw new CodedError(
        ErrorCode.LedgerNotFound,
        `No entry ${target.entryNumber}; find it with \`shoebox ledger list\`.`,
      );
    }
  }
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO ledger_attachments (draft_id, entry_id, uri, sha256, content_type, added_by, added_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [draftId, entryId, receipt.uri, receipt.sha256 ?? null, receipt.contentType ?? null, actor.userId, at],
  );
  return { attachmentId: rows[0]?.id as number };
}

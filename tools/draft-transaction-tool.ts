/**
 * draft_transaction: a finance entry from the user's words ("record expense 120.50 for polish from
 * Saphir, paid by card") or from structured fields, stored as a pending draft. It NEVER posts:
 * the card goes to the channel, and a person confirms it there (LedgerService.confirm).
 */
import { z } from 'zod';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { ledgerDraftSchema, MAX_REQUEST_TEXT_LENGTH } from '../ledger/ledger-draft.ts';
import { idempotencyKeyOf, ledgerActorOf, ledgerOf } from './ledger-actor-of.ts';
import type { Tool } from './tool.ts';

const input = z.strictObject({
  text: z
    .string()
    .min(1)
    .max(MAX_REQUEST_TEXT_LENGTH)
    .nullable()
    .describe(
      "The user's request in their words, e.g. 'record expense 120.50 for polish, paid by card'; null when entry is given.",
    ),
  entry: ledgerDraftSchema
    .nullable()
    .describe('The entry as fields (amount in minor units, account codes); null when text is given.'),
});

export const draftTransactionTool: Tool<z.infer<typeof input>> = {
  name: 'draft_transaction',
  description:
    "Drafts a finance entry (expense, income, supplier payment, transfer) from the user's words or from fields. " +
    'It only drafts: the user sees a card and confirms it themselves. Never say it was recorded.',
  input,
  role: 'finance',
  async run(args, ctx) {
    if ((args.text === null) === (args.entry === null)) {
      throw new CodedError(
        ErrorCode.LedgerInvalidInput,
        "Give exactly one of text (the user's words) or entry (the fields), and null for the other.",
      );
    }
    const ledger = ledgerOf(ctx);
    const actor = ledgerActorOf(ctx);
    const idempotencyKey = idempotencyKeyOf(ctx, 'draft_transaction', args);
    const card =
      args.text !== null
        ? await ledger.record(actor, args.text, { idempotencyKey })
        : { status: 'draft' as const, card: await ledger.draft(actor, args.entry, { idempotencyKey }) };
    if (card.status === 'question') {
      return {
        content: {
          status: 'question',
          question: card.question,
          candidates: card.candidates,
          note: 'Nothing was drafted. Ask the user this question.',
        },
        artifacts: [],
      };
    }
    const record = ctx.artifacts.put({ kind: 'record', title: 'Draft entry to confirm', data: card.card });
    const c = card.card;
    return {
      content: {
        status: 'draft',
        needs_confirmation: true,
        draft_id: c.draftId,
        kind: c.kind,
        amount: c.amount,
        entry_date: c.entryDate,
        debit: c.debit,
        credit: c.credit,
        counterparty: c.counterparty,
        memo: c.memo,
        note: 'Nothing is posted yet. The user confirms or cancels this draft on the card; tell them so.',
      },
      artifacts: [record],
    };
  },
};

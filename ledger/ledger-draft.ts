/**
 * The draft of a journal entry, as the parser produces it and the service stores it. Its zod schema
 * is strict (no extra properties) so the assistant can hand it to a model as a tool schema.
 */
import { z } from 'zod';

/** Largest amount in one entry: 10^12 minor units (ten billion dollars); 10^15 is refused. */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000;
export const MAX_MEMO_LENGTH = 500;
export const MAX_COUNTERPARTY_LENGTH = 120;
export const MAX_REQUEST_TEXT_LENGTH = 2000;
/** How far ahead an entry may be dated, and how far back. */
export const MAX_DAYS_AHEAD = 7;
export const MAX_YEARS_BACK = 5;

export const ENTRY_KINDS = ['expense', 'income', 'supplier_payment', 'transfer'] as const;

export const ledgerDraftSchema = z.strictObject({
  kind: z.enum(ENTRY_KINDS),
  amountMinor: z.number().int().positive().max(MAX_AMOUNT_MINOR),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
  entryDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
  debitAccount: z.string().min(1).max(20),
  creditAccount: z.string().min(1).max(20),
  counterparty: z.string().min(1).max(MAX_COUNTERPARTY_LENGTH).nullable(),
  memo: z.string().max(MAX_MEMO_LENGTH),
});

export type LedgerDraft = z.infer<typeof ledgerDraftSchema>;

/** What the parser returns when it cannot build a draft without guessing. */
export interface ClarifyingQuestion {
  status: 'question';
  field: 'intent' | 'amount' | 'account' | 'payment' | 'counterparty' | 'entry';
  question: string;
  candidates: string[];
}

export type ParseOutcome = { status: 'draft'; draft: LedgerDraft } | ClarifyingQuestion;

/** The draft's JSON Schema (additionalProperties: false), for a model's tool definition. */
export function ledgerDraftJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ledgerDraftSchema) as Record<string, unknown>;
}

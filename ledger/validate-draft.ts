/**
 * Checks a draft from any source (the parser, a model's tool call, a web form) before it is stored:
 * the strict schema, a known currency and its precision, accounts that exist, a date in range,
 * and text fields free of control and bidirectional-override characters. Emoji and right-to-left
 * scripts are accepted and stored as typed; override characters are refused because they can make
 * a memo display differently from what it says.
 */
import { type Clock, isoDate } from '../core/clock.ts';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { ChartAccount } from './chart-matcher.ts';
import { isKnownCurrency } from './currencies.ts';
import { type LedgerDraft, ledgerDraftSchema } from './ledger-draft.ts';
import { checkRange } from './parse-entry-date.ts';

/** C0/C1 controls (tab and newline included: a memo is one line) and bidi overrides/isolates. */
function unsafeText(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069)
    ) {
      return true;
    }
  }
  return false;
}

function invalid(message: string, details?: Record<string, unknown>): CodedError {
  return new CodedError(ErrorCode.LedgerInvalidInput, message, details ? { details } : undefined);
}

export function validateDraft(input: unknown, chart: readonly ChartAccount[], clock: Clock): LedgerDraft {
  const parsed = ledgerDraftSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'draft';
    throw invalid(`The draft's ${where} is invalid: ${issue?.message ?? 'unknown problem'}.`, {
      path: where,
    });
  }
  const draft = parsed.data;
  if (!isKnownCurrency(draft.currency)) {
    throw invalid(`Unknown currency "${draft.currency}"; use an ISO 4217 code such as USD, EUR or GBP.`);
  }
  for (const code of [draft.debitAccount, draft.creditAccount]) {
    if (!chart.some((a) => a.code === code)) {
      throw invalid(`Unknown account "${code}"; use a code from the chart of accounts.`, { account: code });
    }
  }
  if (draft.debitAccount === draft.creditAccount) {
    throw invalid(
      `The debit and credit accounts are both ${draft.debitAccount}; an entry needs two different accounts.`,
    );
  }
  const date = new Date(`${draft.entryDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || isoDate(date) !== draft.entryDate) {
    throw invalid(`"${draft.entryDate}" is not a calendar date; use YYYY-MM-DD.`);
  }
  checkRange(date, new Date(`${isoDate(clock.now())}T00:00:00Z`));
  for (const [field, value] of [
    ['memo', draft.memo],
    ['counterparty', draft.counterparty ?? ''],
  ] as const) {
    if (unsafeText(value)) {
      throw invalid(`The ${field} contains control or text-direction override characters; remove them.`);
    }
  }
  if (draft.counterparty !== null && draft.counterparty.trim() === '') {
    throw invalid('The counterparty is blank; give a name or leave it out.');
  }
  return draft;
}

/**
 * The offline, deterministic parser of "record expense ...", "record income ...", "paid supplier ..."
 * and "transfer ..." into a draft entry. Accounts come from the chart given (names and synonyms);
 * dates from the injected clock. A missing or ambiguous field gives a clarifying question listing
 * the candidates, never a guess; an invalid value throws LEDGER_INVALID_INPUT.
 */
import type { Clock } from '../core/clock.ts';
import { isoDate } from '../core/clock.ts';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { ChartAccount } from './chart-matcher.ts';
import {
  type ClarifyingQuestion,
  type LedgerDraft,
  MAX_COUNTERPARTY_LENGTH,
  MAX_MEMO_LENGTH,
  MAX_REQUEST_TEXT_LENGTH,
  type ParseOutcome,
} from './ledger-draft.ts';
import { findAmount } from './parse-amount.ts';
import { findEntryDate } from './parse-entry-date.ts';
import { tradeSides, transferSides } from './resolve-sides.ts';
import { splitClauses } from './split-clauses.ts';

export interface ParseOptions {
  chart: readonly ChartAccount[];
  clock: Clock;
  /** The currency of an amount typed without one. */
  defaultCurrency: string;
}

const INTENTS: [RegExp, LedgerDraft['kind']][] = [
  [/^(?:please\s+)?(?:record|log|add|book|enter)\s+(?:an?\s+|new\s+)?expense\b/i, 'expense'],
  [/^(?:please\s+)?(?:record|log|add|book|enter)\s+(?:an?\s+|new\s+)?income\b/i, 'income'],
  [/^(?:(?:record|log)\s+(?:a\s+)?)?(?:paid|pay)\s+(?:the\s+|a\s+)?supplier\b/i, 'supplier_payment'],
  [/^(?:(?:record|log)\s+(?:a\s+)?)?transfer(?:red)?\b/i, 'transfer'],
];

export const RECORD_EXAMPLES = [
  'record expense 120.50 for office supplies from Acme, paid by card',
  'record income 2,400 EUR from Acme for consulting, by bank transfer',
  'paid supplier Acme 1.2k by bank transfer',
  'transfer 5000 from bank to savings',
];

function invalid(message: string): CodedError {
  return new CodedError(ErrorCode.LedgerInvalidInput, message);
}

function ask(field: ClarifyingQuestion['field'], question: string, candidates: string[]): ClarifyingQuestion {
  return { status: 'question', field, question, candidates };
}

export function parseLedgerText(text: string, options: ParseOptions): ParseOutcome {
  if (text.length > MAX_REQUEST_TEXT_LENGTH) {
    throw invalid(`The request is ${text.length} characters; keep it under ${MAX_REQUEST_TEXT_LENGTH}.`);
  }
  const trimmed = text.trim();
  const intent = INTENTS.find(([pattern]) => pattern.test(trimmed));
  if (!intent) return ask('intent', 'What should be recorded? Start with one of these:', RECORD_EXAMPLES);
  const [pattern, kind] = intent;
  let body = trimmed.replace(pattern, ' ');
  let memo: string | undefined;
  const memoMatch = /\b(?:memo|note)\s*:\s*([\s\S]*)$/i.exec(body);
  if (memoMatch) {
    memo = (memoMatch[1] as string).trim();
    body = body.slice(0, memoMatch.index);
  }
  if (memo !== undefined && memo.length > MAX_MEMO_LENGTH) {
    throw invalid(
      `The memo is ${memo.length} characters; keep it to ${MAX_MEMO_LENGTH} or attach a document.`,
    );
  }
  const date = findEntryDate(body, options.clock);
  if (date) body = date.rest;
  const amount = findAmount(body, options.defaultCurrency);
  if (!amount)
    return ask('amount', 'How much? Give the amount and, if not the default, its currency.', [
      '120.50',
      '€45',
      '1.2k USD',
    ]);
  const clauses = splitClauses(amount.rest);
  const base = {
    kind,
    amountMinor: amount.amountMinor,
    currency: amount.currency,
    entryDate: date?.entryDate ?? isoDate(options.clock.now()),
  };
  const sides =
    kind === 'transfer' ? transferSides(clauses, options.chart) : tradeSides(kind, clauses, options.chart);
  if ('status' in sides) return sides;
  const counterparty = sides.counterparty?.slice(0, MAX_COUNTERPARTY_LENGTH + 1) ?? null;
  if (counterparty !== null && counterparty.length > MAX_COUNTERPARTY_LENGTH) {
    throw invalid(`The counterparty name is longer than ${MAX_COUNTERPARTY_LENGTH} characters; shorten it.`);
  }
  return {
    status: 'draft',
    draft: {
      ...base,
      debitAccount: sides.debit,
      creditAccount: sides.credit,
      counterparty,
      memo: memo ?? sides.memo,
    },
  };
}

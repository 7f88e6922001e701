/**
 * "card", "cash", "bank transfer" → the account money left from (or arrived in), chosen from the
 * chart's asset and liability accounts. Generic accounting, not any company's chart: spending by
 * card owes the card issuer (a liability); cash, bank transfers and card receipts are assets.
 */
import { type AccountMatch, type ChartAccount, matchAccount } from './chart-matcher.ts';

const BANK_WORDS = /\b(?:transfer|wire|ach|sepa|cheque|check|direct debit)\b/i;

export function resolvePayment(
  method: string,
  chart: readonly ChartAccount[],
  incoming: boolean,
): AccountMatch {
  const moneyAccounts = chart.filter((a) => a.accountType === 'asset' || a.accountType === 'liability');
  const direct = matchAccount(method, moneyAccounts);
  const phrase = BANK_WORDS.test(method) && direct.status !== 'one' ? 'bank' : method;
  const match = phrase === method ? direct : matchAccount(phrase, moneyAccounts);
  if (match.status !== 'many') return match;
  const preferred = /\bcard\b/i.test(method) && !incoming ? 'liability' : 'asset';
  const narrowed = match.candidates.filter((a) => a.accountType === preferred);
  return narrowed.length === 1 ? { status: 'one', account: narrowed[0] as ChartAccount } : match;
}

/**
 * The debit and credit sides of a parsed sentence, from its clauses and the chart: the category
 * or supplier account, the payment account, the counterparty and the default memo. Missing or
 * ambiguous accounts give a clarifying question listing the candidates.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { type AccountMatch, type ChartAccount, describeAccount, matchAccount } from './chart-matcher.ts';
import type { ClarifyingQuestion, LedgerDraft } from './ledger-draft.ts';
import { resolvePayment } from './resolve-payment.ts';
import type { Clause } from './split-clauses.ts';

function invalid(message: string): CodedError {
  return new CodedError(ErrorCode.LedgerInvalidInput, message);
}

function ask(field: ClarifyingQuestion['field'], question: string, candidates: string[]): ClarifyingQuestion {
  return { status: 'question', field, question, candidates };
}

export interface Sides {
  debit: string;
  credit: string;
  counterparty: string | null;
  memo: string;
}

const textOf = (clauses: Clause[], key: Clause['key']) => clauses.find((c) => c.key === key)?.text;

function chosen(
  match: AccountMatch,
  field: ClarifyingQuestion['field'],
  what: string,
  pool: readonly ChartAccount[],
) {
  if (match.status === 'one') return match.account;
  const candidates = (match.status === 'many' ? match.candidates : pool).map(describeAccount);
  const question =
    match.status === 'many' ? `Which ${what} did you mean?` : `Which ${what}? None matched the words given.`;
  return ask(field, question, candidates);
}

export function tradeSides(
  kind: LedgerDraft['kind'],
  clauses: Clause[],
  chart: readonly ChartAccount[],
): Sides | ClarifyingQuestion {
  const untagged = clauses
    .filter((c) => c.key === null)
    .map((c) => c.text)
    .join(' ')
    .trim();
  const incoming = kind === 'income';
  const payText = textOf(clauses, 'pay');
  let counterparty =
    (incoming ? textOf(clauses, 'from') : (textOf(clauses, 'from') ?? textOf(clauses, 'to'))) ?? null;
  let category = textOf(clauses, 'for') ?? '';
  let main: ChartAccount | ClarifyingQuestion;
  if (kind === 'supplier_payment') {
    counterparty ??= untagged || null;
    if (!counterparty) return ask('counterparty', 'Which supplier was paid?', []);
    const liabilities = chart.filter((a) => a.accountType === 'liability');
    main = chosen(
      matchAccount('supplier payables accounts payable', liabilities),
      'account',
      'payables account',
      liabilities,
    );
  } else {
    if (!category) category = untagged;
    const types = incoming ? 'revenue' : 'expense';
    const pool = chart.filter((a) => a.accountType === types);
    main = chosen(matchAccount(category, pool), 'account', `${types} account`, pool);
  }
  if ('status' in main) return main;
  const moneyPool = chart.filter((a) => a.accountType === 'asset' || a.accountType === 'liability');
  if (!payText) {
    return ask(
      'payment',
      incoming ? 'How was it received?' : 'How was it paid (card, cash, bank transfer)?',
      moneyPool.map(describeAccount),
    );
  }
  const money = chosen(resolvePayment(payText, chart, incoming), 'payment', 'payment account', moneyPool);
  if ('status' in money) return money;
  const memo = category || (kind === 'supplier_payment' ? `Payment to ${counterparty}` : '');
  return incoming
    ? { debit: money.code, credit: main.code, counterparty, memo }
    : { debit: main.code, credit: money.code, counterparty, memo };
}

export function transferSides(clauses: Clause[], chart: readonly ChartAccount[]): Sides | ClarifyingQuestion {
  const pool = chart.filter((a) => a.accountType === 'asset' || a.accountType === 'liability');
  const fromText = textOf(clauses, 'from');
  const toText = textOf(clauses, 'to');
  if (!fromText || !toText)
    return ask(
      'account',
      'Transfer from which account to which? e.g. "from bank to savings"',
      pool.map(describeAccount),
    );
  const from = chosen(
    matchAccount(fromText, pool),
    'account',
    `account to transfer from ("${fromText}")`,
    pool,
  );
  if ('status' in from) return from;
  const to = chosen(matchAccount(toText, pool), 'account', `account to transfer to ("${toText}")`, pool);
  if ('status' in to) return to;
  if (from.code === to.code)
    throw invalid(`A transfer needs two different accounts; both sides are ${describeAccount(from)}.`);
  return {
    debit: to.code,
    credit: from.code,
    counterparty: null,
    memo: textOf(clauses, 'for') ?? `Transfer from ${from.name} to ${to.name}`,
  };
}

import { describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.ts';
import { ErrorCode } from '../core/coded-error.ts';
import type { ChartAccount } from './chart-matcher.ts';
import { ledgerDraftJsonSchema, ledgerDraftSchema } from './ledger-draft.ts';
import { parseLedgerText } from './parse-ledger-text.ts';
import { TEST_CHART } from './test-chart.ts';

const clock = fixedClock(new Date('2026-11-20T15:00:00Z'));
const parse = (text: string, chart: readonly ChartAccount[] = TEST_CHART) =>
  parseLedgerText(text, { chart, clock, defaultCurrency: 'USD' });
const draftOf = (text: string) => {
  const outcome = parse(text);
  if (outcome.status !== 'draft')
    throw new Error(`expected a draft for "${text}", got ${JSON.stringify(outcome)}`);
  return outcome.draft;
};

describe('parseLedgerText: drafts', () => {
  it('reads the flagship sentence', () => {
    expect(draftOf('record expense 120.50 for shoe polish from Saphir, paid by card')).toEqual({
      kind: 'expense',
      amountMinor: 12050,
      currency: 'USD',
      entryDate: '2026-11-20',
      debitAccount: '6200',
      creditAccount: '2100',
      counterparty: 'Saphir',
      memo: 'shoe polish',
    });
  });

  it.each([
    ['record expense $1,200.50 for flights, paid by card', 120050, 'USD', '6600', '2100'],
    ['record expense 1.2k for ads by bank transfer', 120000, 'USD', '6300', '1010'],
    ['record expense 120 EUR for team lunch, cash', 12000, 'EUR', '6950', '1010'],
    ['Record an expense €45 for stationery paid in cash', 4500, 'EUR', '6900', '1010'],
    ['log expense GBP 19.99 for printer ink via company card', 1999, 'GBP', '6900', '2100'],
    ['record expense ¥5000 for taxis, paid with corporate card', 5000, 'JPY', '6600', '2100'],
    ['record expense 12.345 BHD for hotels by wire transfer', 12345, 'BHD', '6600', '1010'],
    ['record expense 80 usd office supplies paid by Amex', 8000, 'USD', '6900', '2100'],
    ['please record expense 15 for consumables, paid from bank', 1500, 'USD', '6200', '1010'],
    ['record expense 300 for marketing by card', 30000, 'USD', '6300', '2100'],
    ['add expense 42 for meals by card', 4200, 'USD', '6950', '2100'],
  ])('%s', (text, amountMinor, currency, debit, credit) => {
    expect(draftOf(text)).toMatchObject({
      amountMinor,
      currency,
      debitAccount: debit,
      creditAccount: credit,
    });
  });

  it.each([
    ['record expense 10 for ads by card yesterday', '2026-11-19'],
    ['record expense 10 for ads by card today', '2026-11-20'],
    ['record expense 10 for ads by card on 3 March', '2026-03-03'],
    ['record expense 10 for ads by card on March 3', '2026-03-03'],
    ['record expense 10 for ads by card on 2026-03-03', '2026-03-03'],
    ['record expense 10 for ads by card on 25 December', '2025-12-25'],
    ['record expense 10 for ads by card on Dec 1, 2025', '2025-12-01'],
    ['record expense 10 for ads by card 3 days ago', '2026-11-17'],
    ['record expense 10 for ads by card on the 1st of November', '2026-11-01'],
  ])('dates: %s', (text, entryDate) => {
    expect(draftOf(text).entryDate).toBe(entryDate);
  });

  it('reads income, supplier payments and transfers', () => {
    expect(draftOf('record income 2,400 EUR from Acme for consulting, by bank transfer')).toMatchObject({
      kind: 'income',
      debitAccount: '1010',
      creditAccount: '4020',
      counterparty: 'Acme',
      amountMinor: 240000,
    });
    expect(draftOf('record income 99 for store sales by card')).toMatchObject({ debitAccount: '1050' });
    expect(draftOf('paid supplier Saphir 1.2k by bank transfer')).toMatchObject({
      kind: 'supplier_payment',
      debitAccount: '2000',
      creditAccount: '1010',
      counterparty: 'Saphir',
      memo: 'Payment to Saphir',
    });
    expect(draftOf('transfer 5000 from bank to savings')).toMatchObject({
      kind: 'transfer',
      debitAccount: '1060',
      creditAccount: '1010',
      counterparty: null,
    });
  });

  it('keeps an explicit memo verbatim, SQL included', () => {
    const memo = `'); DROP TABLE ledger_postings; --`;
    expect(draftOf(`record expense 10 for ads by card memo: ${memo}`).memo).toBe(memo);
  });

  it('matches any chart: nothing about one business is built in', () => {
    const bakery: ChartAccount[] = [
      { code: 'B1', name: 'Till', accountType: 'asset', synonyms: ['cash'] },
      { code: 'X9', name: 'Flour and grain', accountType: 'expense', synonyms: ['flour', 'rye'] },
    ];
    expect(parse('record expense 30 for rye flour in cash', bakery)).toMatchObject({
      status: 'draft',
      draft: { debitAccount: 'X9', creditAccount: 'B1' },
    });
  });

  it('produces drafts that satisfy the strict zod schema, whose JSON schema forbids extra fields', () => {
    const draft = draftOf('record expense 10 for ads by card');
    expect(ledgerDraftSchema.parse(draft)).toEqual(draft);
    expect(() => ledgerDraftSchema.parse({ ...draft, extra: 1 })).toThrow();
    expect(ledgerDraftJsonSchema()).toMatchObject({ additionalProperties: false, type: 'object' });
  });
});

describe('parseLedgerText: clarifying questions, never a guess', () => {
  it('lists the candidates when a category fits two accounts', () => {
    expect(parse('record expense 10 for supplies by card')).toEqual({
      status: 'question',
      field: 'account',
      question: 'Which expense account did you mean?',
      candidates: ['6200 Store supplies', '6900 Office supplies'],
    });
  });

  it('asks how it was paid when no payment method is given', () => {
    expect(parse('record expense 10 for ads')).toMatchObject({
      field: 'payment',
      candidates: expect.arrayContaining(['2100 Credit card payable']),
    });
  });

  it('asks for the amount, the category, the supplier, the intent', () => {
    expect(parse('record expense for ads by card')).toMatchObject({ field: 'amount' });
    expect(parse('record expense 10 for zebras by card')).toMatchObject({
      field: 'account',
      question: expect.stringMatching(/None matched/),
    });
    expect(parse('paid supplier 100 by bank transfer')).toMatchObject({ field: 'counterparty' });
    expect(parse('buy me a pony')).toMatchObject({ field: 'intent' });
    expect(parse('transfer 10 from bank')).toMatchObject({ field: 'account' });
  });
});

describe('parseLedgerText: refusals', () => {
  it.each([
    ['record expense -50 for ads by card', /must be positive/],
    ['record expense 0 for ads by card', /greater than zero/],
    ['record expense 1.123456789012 for ads by card', /12 decimal places; USD allows at most 2/],
    ['record expense 1000000000000000 for ads by card', /too large/],
    ['record expense 120 XYZ for ads by card', /Unknown currency "XYZ"/],
    ['record expense 10 JPY 5 for ads', /./],
    ['record expense 10.5 JPY for ads by card', /JPY allows at most 0/],
    ['record expense 10 for ads by card on 2026-12-25', /more than 7 days ahead/],
    ['record expense 10 for ads by card on 2026-02-30', /not a calendar date/],
    ['record expense 10 for ads by card on 1990-01-01', /years ago/],
    ['transfer 10 from bank to cash', /two different accounts/],
  ])('refuses: %s', (text, message) => {
    const run = () => parse(text);
    if (text.includes('JPY 5')) {
      // Two amounts: the first one is read, the second stays as words and does not match an account.
      expect(run()).toMatchObject({ status: 'question' });
      return;
    }
    expect(run).toThrow(
      expect.objectContaining({
        code: ErrorCode.LedgerInvalidInput,
        message: expect.stringMatching(message),
      }),
    );
  });

  it('refuses a 501-character memo and a 5 MB request', () => {
    expect(() => parse(`record expense 10 for ads by card memo: ${'x'.repeat(501)}`)).toThrow(
      /keep it to 500/,
    );
    expect(() => parse(`record expense 10 for ${'x'.repeat(5_000_000)}`)).toThrow(/keep it under 2000/);
  });
});

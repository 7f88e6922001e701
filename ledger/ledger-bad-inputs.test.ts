/**
 * Bad inputs, each refused with a clear message (or a clarifying question) and NOTHING written:
 * every ledger table has the same row count before and after. Plus the harmless-but-odd inputs
 * that are accepted and round-trip literally: SQL in a memo, emoji, right-to-left text.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.ts';
import type { LedgerActor } from './ledger-actor.ts';
import type { LedgerDraft } from './ledger-draft.ts';
import { LedgerService } from './ledger-service.ts';
import { describeLedgerEngines } from './ledger-test-engines.ts';
import { saveChart } from './save-chart.ts';
import { TEST_CHART } from './test-chart.ts';

const hooks = { describe, beforeAll, afterAll };
const clock = fixedClock(new Date('2026-11-20T15:00:00Z'));
const finance: LedgerActor = { userId: 'fiona', roles: ['finance'], channel: { kind: 'web' } };
const clerk: LedgerActor = { userId: 'sam', roles: ['staff'], channel: { kind: 'cli' } };
const stranger: LedgerActor = { userId: 'olga', roles: [], channel: { kind: 'web' } };
const TABLES = [
  'ledger_entries',
  'ledger_postings',
  'ledger_drafts',
  'ledger_requests',
  'ledger_idempotency',
  'ledger_counterparties',
];
const good: LedgerDraft = {
  kind: 'expense',
  amountMinor: 1000,
  currency: 'USD',
  entryDate: '2026-11-20',
  debitAccount: '6900',
  creditAccount: '1010',
  counterparty: 'Acme',
  memo: 'paper',
};
let n = 0;
const key = () => `bad-${process.pid}-${++n}`;

interface Fixture {
  service: LedgerService;
  pendingDraft: string;
  cancelledDraft: string;
  entryNumber: string;
  reversalNumber: string;
  usedKey: string;
}

type Case = [string, (f: Fixture) => Promise<unknown>, RegExp | 'question'];

const record = (text: string) => (f: Fixture) => f.service.record(finance, text, { idempotencyKey: key() });
const draft = (change: Record<string, unknown>) => (f: Fixture) =>
  f.service.draft(finance, { ...good, ...change }, { idempotencyKey: key() });

const CASES: Case[] = [
  ['negative amount', record('record expense -50 for stationery, cash'), /must be positive/],
  ['zero amount', record('record expense 0 for stationery, cash'), /greater than zero/],
  ['12 decimal places', record('record expense 1.123456789012 for stationery, cash'), /12 decimal places/],
  ['10^15', record('record expense 1000000000000000 for stationery, cash'), /too large/],
  ['unknown currency', record('record expense 10 XYZ for stationery, cash'), /Unknown currency "XYZ"/],
  [
    'decimals in a currency without minor units',
    record('record expense 10.5 JPY for stationery, cash'),
    /JPY allows at most 0/,
  ],
  ['two currencies', record('record expense $10 EUR for stationery, cash'), /names two currencies/],
  [
    'date beyond 7 days ahead',
    record('record expense 10 for stationery, cash on 2026-12-01'),
    /more than 7 days ahead/,
  ],
  ['impossible date', record('record expense 10 for stationery, cash on 2026-02-30'), /not a calendar date/],
  ['date too far back', record('record expense 10 for stationery, cash on 1999-01-01'), /years ago/],
  [
    '5 MB request',
    record(`record expense 10 for stationery, cash memo: ${'x'.repeat(5 * 1024 * 1024)}`),
    /keep it under 2000/,
  ],
  [
    '501-character memo',
    record(`record expense 10 for stationery, cash memo: ${'y'.repeat(501)}`),
    /keep it to 500/,
  ],
  ['unknown account words', record('record expense 10 for zebras, cash'), 'question'],
  ['ambiguous account', record('record expense 10 for supplies, cash'), 'question'],
  ['no amount', record('record expense for stationery, cash'), 'question'],
  ['no payment method', record('record expense 10 for stationery'), 'question'],
  ['not a ledger request', record('what is the weather'), 'question'],
  ['transfer to the same account', record('transfer 10 from bank to cash'), /two different accounts/],
  ['5 MB memo in a structured draft', draft({ memo: 'z'.repeat(5 * 1024 * 1024) }), /memo is invalid/],
  ['unknown account code', draft({ debitAccount: '9999' }), /Unknown account "9999"/],
  ['extra property', draft({ approvedBy: 'me' }), /invalid/],
  ['fractional minor units', draft({ amountMinor: 12.5 }), /amountMinor is invalid/],
  ['amount as a string', draft({ amountMinor: '1000' }), /amountMinor is invalid/],
  ['lower-case currency', draft({ currency: 'usd' }), /currency is invalid/],
  ['currency not in ISO 4217', draft({ currency: 'XYZ' }), /Unknown currency/],
  ['month 13', draft({ entryDate: '2026-13-01' }), /not a calendar date/],
  ['same debit and credit', draft({ creditAccount: '6900' }), /two different accounts/],
  ['bidi override in the memo', draft({ memo: 'paid \u202Eevil' }), /text-direction override/],
  ['NUL in the memo', draft({ memo: 'a\u0000b' }), /control/],
  ['121-character counterparty', draft({ counterparty: 'c'.repeat(121) }), /counterparty is invalid/],
  ['blank counterparty', draft({ counterparty: '   ' }), /counterparty is blank/],
  [
    'idempotency key with spaces',
    (f) => f.service.record(finance, 'record expense 10 for stationery, cash', { idempotencyKey: 'a b' }),
    /idempotency key/,
  ],
  [
    'same key, different request',
    (f) => f.service.record(finance, 'record expense 11 for stationery, cash', { idempotencyKey: f.usedKey }),
    /already used for a different request/,
  ],
  [
    'confirm by a non-finance user',
    (f) => f.service.confirm(clerk, f.pendingDraft, { idempotencyKey: key() }),
    /needs the "finance" role/,
  ],
  [
    'confirm of a cancelled draft',
    (f) => f.service.confirm(finance, f.cancelledDraft, { idempotencyKey: key() }),
    /was cancelled/,
  ],
  [
    'unknown draft id',
    (f) => f.service.confirm(finance, randomUUID(), { idempotencyKey: key() }),
    /No draft/,
  ],
  [
    'SQL as a draft id',
    (f) => f.service.confirm(finance, "1'; DROP TABLE ledger_postings; --", { idempotencyKey: key() }),
    /No draft/,
  ],
  [
    "cancel of another user's draft",
    (f) => f.service.cancel(stranger, f.pendingDraft, { idempotencyKey: key() }),
    /No draft/,
  ],
  [
    'reversal of a reversal',
    (f) => f.service.reverse(finance, f.reversalNumber, { idempotencyKey: key() }),
    /is itself the reversal/,
  ],
  [
    'second reversal',
    (f) => f.service.reverse(finance, f.entryNumber, { idempotencyKey: key() }),
    /already reversed/,
  ],
  [
    'reversal of an unknown entry',
    (f) => f.service.reverse(finance, 'LE99999999', { idempotencyKey: key() }),
    /No entry LE99999999/,
  ],
  [
    'reversal by a non-finance user',
    (f) => f.service.reverse(clerk, f.entryNumber, { idempotencyKey: key() }),
    /needs the "finance" role/,
  ],
];

describeLedgerEngines(hooks, 'bad inputs', (engine) => {
  let f: Fixture;
  const counts = async () =>
    Promise.all(
      TABLES.map(async (t) =>
        Number((await engine().db.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`)).rows[0]?.n),
      ),
    );

  beforeAll(async () => {
    const { db } = engine();
    await db.transaction((tx) => saveChart(tx, TEST_CHART));
    const service = new LedgerService(db, { clock });
    const usedKey = key();
    const pending = await service.draft(clerk, good, { idempotencyKey: usedKey });
    const cancelled = await service.draft(clerk, good, { idempotencyKey: key() });
    await service.cancel(clerk, cancelled.draftId, { idempotencyKey: key() });
    const toPost = await service.draft(finance, good, { idempotencyKey: key() });
    const entry = await service.confirm(finance, toPost.draftId, { idempotencyKey: key() });
    const reversal = await service.reverse(finance, entry.entryNumber, { idempotencyKey: key() });
    f = {
      service,
      pendingDraft: pending.draftId,
      cancelledDraft: cancelled.draftId,
      entryNumber: entry.entryNumber,
      reversalNumber: reversal.entryNumber,
      usedKey,
    };
  });

  it(`covers at least 30 cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('refuses %s, writing nothing', async (_name, run, expected) => {
    const before = await counts();
    if (expected === 'question') {
      await expect(run(f)).resolves.toMatchObject({ status: 'question', question: expect.any(String) });
    } else {
      await expect(run(f)).rejects.toMatchObject({
        code: expect.stringMatching(/^LEDGER_/),
        message: expect.stringMatching(expected),
      });
    }
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['SQL', `'); DELETE FROM ledger_postings; --`],
    ['emoji', 'Team lunch 🍕🎉 with 👩🏽‍💼'],
    ['right-to-left text', 'שולם במזומן — دفع نقدا'],
  ])('accepts %s in a memo and stores it literally', async (_name, memo) => {
    const postings = (await counts())[1];
    const card = await f.service.draft(finance, { ...good, memo }, { idempotencyKey: key() });
    const entry = await f.service.confirm(finance, card.draftId, { idempotencyKey: key() });
    expect(entry.memo).toBe(memo);
    expect((await counts())[1]).toBe((postings as number) + 2);
  });
});

/**
 * The two-phase write on both engines: draft, confirm (once), cancel, reverse, visibility, the
 * audit trail, idempotency, undo candidates and the reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.ts';
import { ErrorCode } from '../core/coded-error.ts';
import type { LedgerActor } from './ledger-actor.ts';
import { LedgerService } from './ledger-service.ts';
import { describeLedgerEngines } from './ledger-test-engines.ts';
import { saveChart } from './save-chart.ts';
import { TEST_CHART } from './test-chart.ts';

const hooks = { describe, beforeAll, afterAll };
const clock = fixedClock(new Date('2026-11-20T15:00:00Z'));
const finance: LedgerActor = {
  userId: 'fiona',
  roles: ['finance'],
  channel: { kind: 'cli', host: 'test' },
};
const clerk: LedgerActor = {
  userId: 'sam',
  roles: ['staff'],
  channel: { kind: 'slack', teamId: 'T1', channelId: 'C1', messageTs: '1700000000.000100' },
};
const other: LedgerActor = { userId: 'olga', roles: [], channel: { kind: 'web' } };
let n = 0;
const key = () => `k-${process.pid}-${++n}`;

describeLedgerEngines(hooks, 'LedgerService', (engine) => {
  let service: LedgerService;
  beforeAll(async () => {
    await engine().db.transaction((tx) => saveChart(tx, TEST_CHART));
    service = new LedgerService(engine().db, { clock });
  });

  async function draftCard(actor: LedgerActor, text: string) {
    const outcome = await service.record(actor, text, { idempotencyKey: key() });
    if (outcome.status !== 'draft') throw new Error(`expected a draft: ${JSON.stringify(outcome)}`);
    return outcome.card;
  }

  it('drafts from text and returns the card, then finance confirms it once', async () => {
    const card = await draftCard(clerk, 'record expense 120.50 for shoe polish from Saphir, paid by card');
    expect(card).toMatchObject({
      status: 'pending',
      amount: '120.50 USD',
      entryDate: '2026-11-20',
      debit: { code: '6200', name: 'Store supplies' },
      credit: { code: '2100', name: 'Credit card payable' },
      counterparty: 'Saphir',
      memo: 'shoe polish',
      createdBy: 'sam',
    });
    const entry = await service.confirm(finance, card.draftId, { idempotencyKey: key() });
    expect(entry).toMatchObject({ entryNumber: expect.stringMatching(/^LE\d{8}$/), counterparty: 'Saphir' });
    expect(entry.lines.map((l) => [l.accountCode, l.amountMinor])).toEqual([
      ['6200', 12050],
      ['2100', -12050],
    ]);
    const again = await service.confirm(finance, card.draftId, { idempotencyKey: key() });
    expect(again.entryId).toBe(entry.entryId);
    expect((await service.getDraft(clerk, card.draftId)).entryNumber).toBe(entry.entryNumber);
  });

  it('records who asked, from where and with what text', async () => {
    const card = await draftCard(clerk, 'record expense 9 for ads by card');
    const { rows } = await engine().db.query(
      `SELECT r.user_id, r.channel_kind, r.channel, r.request_text, r.roles FROM ledger_requests r
         JOIN ledger_drafts d ON d.request_id = r.id WHERE d.id = $1`,
      [card.draftId],
    );
    expect(rows[0]).toEqual({
      user_id: 'sam',
      channel_kind: 'slack',
      channel: { kind: 'slack', teamId: 'T1', channelId: 'C1', messageTs: '1700000000.000100' },
      request_text: 'record expense 9 for ads by card',
      roles: ['staff'],
    });
  });

  it('returns the first result for a repeated key and refuses the key for a different request', async () => {
    const k = key();
    const first = await service.record(clerk, 'record expense 10 for ads by card', { idempotencyKey: k });
    const second = await service.record(clerk, 'record expense 10 for ads by card', { idempotencyKey: k });
    expect(second).toEqual(first);
    await expect(
      service.record(clerk, 'record expense 11 for ads by card', { idempotencyKey: k }),
    ).rejects.toMatchObject({
      code: ErrorCode.LedgerIdempotencyConflict,
      message: expect.stringContaining('was already used for a different request'),
    });
  });

  it('lets only finance confirm, and others see their own drafts only', async () => {
    const card = await draftCard(clerk, 'record expense 15 for travel, cash');
    await expect(service.confirm(clerk, card.draftId, { idempotencyKey: key() })).rejects.toMatchObject({
      code: ErrorCode.LedgerForbidden,
    });
    await expect(service.getDraft(other, card.draftId)).rejects.toMatchObject({
      code: ErrorCode.LedgerNotFound,
    });
    expect((await service.listDrafts(other)).map((d) => d.draftId)).not.toContain(card.draftId);
    expect((await service.listDrafts(clerk)).map((d) => d.draftId)).toContain(card.draftId);
    expect((await service.listDrafts(finance)).map((d) => d.draftId)).toContain(card.draftId);
    await expect(service.listEntries(clerk)).rejects.toMatchObject({ code: ErrorCode.LedgerForbidden });
  });

  it('cancels a draft, which then cannot be confirmed', async () => {
    const card = await draftCard(clerk, 'record expense 15 for travel, cash');
    expect((await service.cancel(clerk, card.draftId, { idempotencyKey: key() })).status).toBe('cancelled');
    await expect(service.confirm(finance, card.draftId, { idempotencyKey: key() })).rejects.toMatchObject({
      code: ErrorCode.LedgerDraftClosed,
      message: expect.stringContaining('was cancelled'),
    });
  });

  it('reverses an entry once, refuses a reversal of the reversal, and offers undo candidates', async () => {
    const card = await draftCard(finance, 'record expense 77 for flights by card');
    const entry = await service.confirm(finance, card.draftId, { idempotencyKey: key() });
    const undo = await service.undo(finance, 'undo the last expense');
    expect(undo).toMatchObject({ status: 'question', field: 'entry' });
    expect(undo.candidates[0]).toMatch(new RegExp(`^${entry.entryNumber} 2026-11-20 77.00 USD flights`));
    const reversal = await service.reverse(finance, entry.entryNumber, {
      idempotencyKey: key(),
      reason: 'duplicate',
    });
    expect(reversal).toMatchObject({
      kind: 'reversal',
      reversalOf: entry.entryNumber,
      memo: `Reversal of ${entry.entryNumber}: duplicate`,
    });
    expect(reversal.lines.map((l) => l.amountMinor)).toEqual([-7700, 7700]);
    await expect(
      service.reverse(finance, entry.entryNumber, { idempotencyKey: key() }),
    ).rejects.toMatchObject({
      code: ErrorCode.LedgerReversalRefused,
      message: expect.stringContaining('already reversed'),
    });
    await expect(service.reverse(finance, reversal.entryNumber, { idempotencyKey: key() })).rejects.toThrow(
      /is itself the reversal/,
    );
    expect((await service.undo(finance, 'undo the last expense')).candidates.join('\n')).not.toContain(
      entry.entryNumber,
    );
  });

  it('lists entries by date, account, counterparty and text', async () => {
    const card = await draftCard(
      clerk,
      'record expense 33 for team lunch from Café Ünïcode yesterday, cash memo: 100%_literal',
    );
    await service.confirm(finance, card.draftId, { idempotencyKey: key() });
    const found = await service.listEntries(finance, {
      from: '2026-11-19',
      to: '2026-11-19',
      account: '6950',
      counterparty: 'café',
      text: '100%_',
    });
    expect(found.map((e) => e.memo)).toEqual(['100%_literal']);
    expect(await service.listEntries(finance, { text: '100%x' })).toEqual([]);
  });

  it('reports a trial balance summing to zero, expenses by month, and a GL CSV', async () => {
    const tb = await service.trialBalance(finance);
    expect(tb.rows.length).toBeGreaterThan(0);
    expect(tb.totals).toEqual({ USD: 0 });
    const expenses = await service.expensesByMonth(finance, { from: '2026-11-01' });
    expect(expenses).toContainEqual(
      expect.objectContaining({ month: '2026-11', accountCode: '6200', amountMinor: 12050 }),
    );
    const csv = await service.generalLedgerCsv(finance, { account: '6950' });
    expect(csv.split('\r\n')[0]).toBe(
      'entry_number,entry_date,kind,line,account_code,account_name,debit_minor,credit_minor,currency,counterparty,memo,reversal_of',
    );
    expect(csv).toContain(',6950,Meals and entertainment,3300,0,USD,Café Ünïcode,100%_literal,');
  });

  it('attaches receipt references to a draft and to an entry, refusing bad ones', async () => {
    const card = await draftCard(clerk, 'record expense 12 for ads by card');
    const sha = 'a'.repeat(64);
    const first = await service.attach(
      clerk,
      { draftId: card.draftId },
      { uri: 'slack:F123', sha256: sha },
      { idempotencyKey: key() },
    );
    expect(first.attachmentId).toBeGreaterThan(0);
    await expect(
      service.attach(other, { draftId: card.draftId }, { uri: 'slack:F124' }, { idempotencyKey: key() }),
    ).rejects.toMatchObject({
      code: ErrorCode.LedgerNotFound,
    });
    await expect(
      service.attach(
        clerk,
        { draftId: card.draftId },
        { uri: 'javascript:alert(1)' },
        { idempotencyKey: key() },
      ),
    ).rejects.toThrow(/https:\/\/, s3:\/\/ or slack:/);
    const entry = await service.confirm(finance, card.draftId, { idempotencyKey: key() });
    await expect(
      service.attach(
        clerk,
        { entryNumber: entry.entryNumber },
        { uri: 's3://b/r.pdf' },
        { idempotencyKey: key() },
      ),
    ).rejects.toMatchObject({
      code: ErrorCode.LedgerForbidden,
    });
    await service.attach(
      finance,
      { entryNumber: entry.entryNumber },
      { uri: 's3://receipts/r.pdf', contentType: 'application/pdf' },
      { idempotencyKey: key() },
    );
    const { rows } = await engine().db.query(
      'SELECT uri FROM ledger_attachments WHERE draft_id = $1 OR entry_id = $2 ORDER BY id',
      [card.draftId, entry.entryId],
    );
    expect(rows.map((r) => r.uri)).toEqual(['slack:F123', 's3://receipts/r.pdf']);
  });
});

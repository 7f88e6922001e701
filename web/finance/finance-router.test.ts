/**
 * The finance pages over HTTP with the real LedgerService on PGlite and a DuckDB warehouse: a chat
 * draft confirmed through the card's route (and refused to a manager), the journal's filters, the
 * entry's audit trail, reversal only after its confirmation step, reports and CSVs, and an
 * accountants' file upload whose bad rows come back with line, column, value and reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerActor } from '../../ledger/ledger-actor.ts';
import { startTestWebApp, type TestWebApp } from '../test-web-app.ts';
import { TestWebClient } from '../test-web-client.ts';

let app: TestWebApp;
let finance: TestWebClient;
let financeId: string;

async function draft(text: string, key: string): Promise<string> {
  const actor: LedgerActor = {
    userId: financeId,
    roles: ['analyst', 'finance'],
    channel: { kind: 'web', sessionId: 'chat' },
  };
  const outcome = await app.engines.ledger.record(actor, text, { idempotencyKey: key });
  if (outcome.status !== 'draft') throw new Error(`no draft for "${text}": ${JSON.stringify(outcome)}`);
  return outcome.card.draftId;
}

beforeAll(async () => {
  app = await startTestWebApp();
  const { rows } = await app.engines.appDb.query<{ id: string }>(
    "SELECT id FROM app.users WHERE username = 'finance'",
  );
  financeId = String(rows[0]?.id);
  finance = new TestWebClient(app.url);
  await finance.signIn('finance');
}, 60_000);
afterAll(async () => app?.close());

describe('finance pages', () => {
  let entryNumber = '';

  it('confirms a chat draft from its card (finance only), idempotently, with the audit trail', async () => {
    const id = await draft('record expense 120.50 for shoe polish from Saphir, paid by card', 'draft-1');
    const manager = new TestWebClient(app.url);
    await manager.signIn('manager');
    const refused = await manager.postForm(`/finance/drafts/${id}/confirm`, {});
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('This needs the finance role');

    const confirmed = await finance.postForm(`/finance/drafts/${id}/confirm`, {});
    expect(confirmed.status).toBe(303);
    const location = confirmed.headers.get('location') ?? '';
    entryNumber = decodeURIComponent(location.split('/').pop() ?? '');
    expect(location).toMatch(/^\/finance\/entries\/LE\d+$/);
    const again = await finance.postJson(`/api/finance/drafts/${id}/confirm`, {});
    expect(again.status).toBe(200);
    expect(((await again.json()) as { entry: { entryNumber: string } }).entry.entryNumber).toBe(entryNumber);

    const { html } = await finance.page(location);
    expect(html).toContain(`Entry ${entryNumber}`);
    expect(html).toContain('record expense 120.50 for shoe polish from Saphir, paid by card');
    expect(html).toMatch(/<td>draft<\/td>\s*<td>finance<\/td>/);
    expect(html).toMatch(/<td>confirm<\/td>\s*<td>finance<\/td>/);
    expect(html).toMatch(/web \(session [0-9a-f]{16}\)/);
    expect(html).toContain('120.50 USD');
    expect(html).toContain('<dt>Posted by</dt><dd>finance</dd>');
  });

  it('filters the journal by counterparty, text, account and dates', async () => {
    await finance.postForm(
      `/finance/drafts/${await draft('record expense 35 for printer ink from Staples by card', 'draft-2')}/confirm`,
      {},
    );
    const bySaphir = (await finance.page('/finance/journal?counterparty=saphir')).html;
    expect(bySaphir).toContain(entryNumber);
    expect(bySaphir).not.toContain('Staples');
    const byText = (await finance.page('/finance/journal?text=printer')).html;
    expect(byText).toContain('Staples');
    expect(byText).not.toContain('Saphir');
    expect((await finance.page('/finance/journal?account=6900')).html).toContain('Staples');
    expect((await finance.page('/finance/journal?from=2030-01-01')).html).toContain('No entries match');
    const bad = await finance.request('/finance/journal?from=yesterday');
    expect(bad.status).toBe(400);
    const api = (await (await finance.request('/api/finance/entries?counterparty=saphir')).json()) as {
      entries: { entryNumber: string }[];
    };
    expect(api.entries.map((e) => e.entryNumber)).toEqual([entryNumber]);
  });

  it('reverses an entry only after the confirmation step', async () => {
    const page = await finance.page(`/finance/entries/${entryNumber}/reverse`);
    expect(page.html).toContain(`Reverse entry ${entryNumber}?`);
    const skipped = await finance.postForm(`/finance/entries/${entryNumber}/reverse`, { reason: 'typo' });
    expect(skipped.status).toBe(303);
    expect(skipped.headers.get('location')).toBe(`/finance/entries/${entryNumber}/reverse`);
    expect((await finance.page(`/finance/entries/${entryNumber}`)).html).not.toContain('Reversed by');

    const done = await finance.postForm(`/finance/entries/${entryNumber}/reverse`, {
      reason: 'wrong vendor',
      confirm: 'yes',
    });
    expect(done.status).toBe(303);
    const reversal = await finance.page(done.headers.get('location') ?? '');
    expect(reversal.html).toContain(`Posted as the reversal of ${entryNumber}`);
    expect(reversal.html).toContain('wrong vendor');
    expect((await finance.page(`/finance/entries/${entryNumber}`)).html).toContain('Reversed by');
    const twice = await finance.postJson(`/api/finance/entries/${entryNumber}/reverse`, { reason: 'again' });
    expect(twice.status).toBe(409);
  });

  it('shows a balanced trial balance and expenses, with CSV downloads', async () => {
    const balance = (await finance.page('/finance/trial-balance')).html;
    expect(balance).toContain('Total (USD): zero when the ledger balances</td><td class="num">0.00 USD');
    const expenses = (await finance.page('/finance/expenses')).html;
    expect(expenses).toContain('6900 Office supplies');
    const csv = await finance.request('/finance/expenses.csv');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('expenses-by-month.csv');
    const text = await csv.text();
    expect(text.split(/\r?\n/)[0]).toBe('month,account_code,account_name,currency,amount');
    expect(text).toContain('2026-11,6900,Office supplies,USD,35.00');
    const gl = await (await finance.request('/finance/general-ledger.csv?account=6900')).text();
    expect(gl.split(/\r?\n/)[0]).toContain('entry_number,entry_date');
    expect(gl).toContain('Staples');
    expect(gl).not.toContain('Saphir');
  });

  it("loads an uploaded accountants' file and lists the rejected rows", async () => {
    const csv = [
      'Vendor,Date,Amount,Category,Description,Payment Method,Ref',
      'Saphir,2025-07-10,12.50,Marketing,Polish,Card,R1',
      'Uline,2025-07-11,TBC,Marketing,Boxes,Card,R2',
      'Uline,,9.00,Marketing,Boxes,Card,R3',
      'Saphir,2025-07-12,20.00,Marketing,Polish,Card,R4',
    ].join('\n');
    const noToken = await finance.request('/api/finance/uploads', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'july.csv' },
      body: csv,
    });
    expect(noToken.status).toBe(403);
    const response = await finance.request('/api/finance/uploads', {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': 'july.csv',
        'x-csrf-token': finance.csrfToken,
      },
      body: csv,
    });
    expect(response.status).toBe(201);
    const result = (await response.json()) as {
      status: string;
      rowsLoaded: number;
      rejects: { line: number; column: string; value: string; reason: string }[];
    };
    expect(result).toMatchObject({ status: 'loaded', rowsLoaded: 2 });
    expect(result.rejects.map((r) => [r.line, r.column, r.value, r.reason])).toEqual([
      [3, 'Amount', 'TBC', 'unparseable amount'],
      [4, 'Date', null, 'missing date'],
    ]);
    const page = (await finance.page('/finance/upload?file=july.csv')).html;
    expect(page).toContain(
      '<strong>2</strong> rows loaded into dw.fact_expense, <strong>2</strong> rejected',
    );
    expect(page).toMatch(
      /<td>july\.csv<\/td><td class="num">3<\/td><td>Amount<\/td><td><code>TBC<\/code><\/td><td>unparseable amount<\/td>/,
    );
    const badName = await finance.request('/api/finance/uploads', {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': '../etc/passwd',
        'x-csrf-token': finance.csrfToken,
      },
      body: 'x',
    });
    expect(badName.status).toBe(400);
  });
});

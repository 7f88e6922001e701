import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/coded-error.ts';
import { importLedgerCsv } from './import-ledger-csv.ts';
import type { LedgerActor } from './ledger-actor.ts';
import { LedgerService } from './ledger-service.ts';
import { describeLedgerEngines } from './ledger-test-engines.ts';

const hooks = { describe, beforeAll, afterAll };
const actor: LedgerActor = { userId: 'importer', roles: ['finance'], channel: { kind: 'cli' } };
const at = new Date('2026-11-20T12:00:00Z');

const CHART = `account_code,account_name,account_type,normal_balance,synonyms,description,modified_at
1010,Operating bank account,asset,debit,cash; bank,"Main account, in USD",2021-01-01 08:00:00
2000,Accounts payable,liability,credit,AP; supplier payables,Unpaid invoices,2021-01-01 08:00:00
4010,Sales,revenue,credit,revenue,Sales,2021-01-01 08:00:00
6200,Store supplies,expense,debit,consumables,"Polish, brushes",2021-01-01 08:00:00
`;
const ENTRIES = `journal_entry_id,entry_number,entry_date,source,reference,memo,currency,created_by,created_at
1,JE00000001,2024-01-01,opening,,Opening balances,USD,migration,2024-01-01 00:00:00
2,JE00000002,2024-01-02,sales,S-1,"Sales, day 1",USD,pos,2024-01-02 18:00:00
3,JE00000003,2024-02-03,purchasing,PO-7,Supplies,USD,ap,2024-02-03 09:00:00
`;
const LINES = `journal_line_id,journal_entry_id,line_number,account_code,cost_center,debit_minor,credit_minor,currency
1,1,1,1010,,100000,0,USD
2,1,2,2000,,0,100000,USD
3,2,1,1010,NE-NYC,25050,0,USD
4,2,2,4010,NE-NYC,0,25050,USD
5,3,1,6200,HQ,1999,0,USD
6,3,2,2000,,0,1999,USD
`;

describeLedgerEngines(hooks, 'importLedgerCsv', (engine) => {
  const dir = mkdtempSync(join(tmpdir(), 'shoebox-ledger-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'chart_of_accounts.csv'), CHART);
  writeFileSync(join(dir, 'journal_entries.csv'), ENTRIES);
  writeFileSync(join(dir, 'journal_lines.csv'), LINES);

  it('imports accounts with synonyms and balanced entries, reporting progress', async () => {
    const progress: number[] = [];
    const result = await importLedgerCsv(engine().db, dir, {
      actor,
      at,
      batchSize: 2,
      onProgress: (p) => progress.push(p.done),
    });
    expect(result).toEqual({ accounts: 4, entries: 3, inserted: 3, skipped: 0 });
    expect(progress).toEqual([2, 3]);
    const service = new LedgerService(engine().db);
    expect((await service.chart()).find((a) => a.code === '2000')?.synonyms).toEqual([
      'AP',
      'supplier payables',
    ]);
    const tb = await service.trialBalance(actor);
    expect(tb.totals).toEqual({ USD: 0 });
    expect(tb.rows.find((r) => r.accountCode === '2000')).toMatchObject({
      creditMinor: 101999,
      balanceMinor: -101999,
    });
    const [sales] = await service.listEntries(actor, { text: 'day 1' });
    expect(sales).toMatchObject({ entryNumber: 'JE00000002', kind: 'import', memo: 'Sales, day 1' });
  });

  it('is idempotent: a second run adds nothing', async () => {
    const result = await importLedgerCsv(engine().db, dir, { actor, at });
    expect(result).toMatchObject({ inserted: 0, skipped: 3 });
    const { rows } = await engine().db.query('SELECT count(*) AS n FROM ledger_postings');
    expect(rows[0]).toEqual({ n: 6 });
  });

  it('says what to do when the files are missing', async () => {
    await expect(importLedgerCsv(engine().db, join(dir, 'nope'), { actor, at })).rejects.toMatchObject({
      code: ErrorCode.PathUnreadable,
      message: expect.stringContaining('shoebox generate'),
    });
  });
});

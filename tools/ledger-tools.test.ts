/**
 * draft_transaction and list_transactions on PGlite and the Postgres server: drafts never post,
 * the identity is the context's caller whatever the model sends, roles are checked in the tool,
 * and a retried call in the same turn does not draft twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { LedgerService } from '../ledger/ledger-service.ts';
import { describeLedgerEngines } from '../ledger/ledger-test-engines.ts';
import { saveChart } from '../ledger/save-chart.ts';
import { TEST_CHART } from '../ledger/test-chart.ts';
import { buildCatalogIndex } from '../semantic-layer/catalog/catalog-index.ts';
import { trapFixtureModel } from '../semantic-layer/compiler/test-fixtures/trap-fixture.ts';
import { createArtifactStore } from './artifact-store.ts';
import { draftTransactionTool } from './draft-transaction-tool.ts';
import { listTransactionsTool } from './list-transactions-tool.ts';
import { runTool } from './run-tool.ts';
import { type Caller, DEFAULT_TOOL_LIMITS, type ToolContext } from './tool.ts';
import { analyst, financeCaller, viewer } from './tool-test-context.ts';

const hooks = { describe, beforeAll, afterAll };
const clock = fixedClock(new Date('2026-11-20T15:00:00Z'));
const model = trapFixtureModel();
/** The ledger tools never touch the warehouse: any use of it fails the test. */
const noWarehouse = new Proxy({} as Warehouse, {
  get: () => {
    throw new Error('the ledger tools must not use the warehouse');
  },
});
const TEXT = 'record expense 120.50 for shoe polish from Saphir, paid by card';
const listAll = { from: null, to: null, account: null, counterparty: null, text: null, limit: null };

describeLedgerEngines(hooks, 'ledger tools', (engine) => {
  let service: LedgerService;
  let turn = 0;
  const ctxFor = (caller: Caller, requestId = `turn-${++turn}`, withLedger = true): ToolContext => ({
    caller,
    requestId,
    warehouse: noWarehouse,
    model,
    catalog: buildCatalogIndex(model),
    dimensionValues: undefined,
    ledger: withLedger ? service : undefined,
    freshness: async () => [],
    clock,
    fiscalYearStartMonth: 1,
    limits: DEFAULT_TOOL_LIMITS,
    artifacts: createArtifactStore(),
  });
  const countRows = async (table: string) =>
    Number((await engine().db.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${table}`)).rows[0]?.n);

  beforeAll(async () => {
    await engine().db.transaction((tx) => saveChart(tx, TEST_CHART));
    service = new LedgerService(engine().db, { clock });
  });

  it('drafts from text for finance, as the caller, and posts nothing', async () => {
    const before = await countRows('ledger_entries');
    const result = await runTool(draftTransactionTool, { text: TEXT, entry: null }, ctxFor(financeCaller));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.content).toMatchObject({
      status: 'draft',
      needs_confirmation: true,
      amount: '120.50 USD',
      debit: { code: '6200' },
      credit: { code: '2100' },
      counterparty: 'Saphir',
    });
    const card = await service.getDraft(financeCaller, String(result.content.draft_id));
    expect(card).toMatchObject({ status: 'pending', createdBy: 'fiona', entryNumber: null });
    expect(await countRows('ledger_entries')).toBe(before);
  });

  it('drafts from structured fields, and a retry in the same turn gives the same draft', async () => {
    const entry = {
      kind: 'expense',
      amountMinor: 4500,
      currency: 'USD',
      entryDate: '2026-11-19',
      debitAccount: '6600',
      creditAccount: '1010',
      counterparty: 'Taxi Co',
      memo: 'taxi to the fair',
    };
    const ctx = ctxFor(financeCaller, 'turn-retry');
    const first = await runTool(draftTransactionTool, { text: null, entry }, ctx);
    const again = await runTool(draftTransactionTool, JSON.stringify({ text: null, entry }), ctx);
    if (!first.ok || !again.ok) throw new Error('expected drafts');
    expect(first.content).toMatchObject({ amount: '45.00 USD', debit: { code: '6600' } });
    expect(again.content.draft_id).toBe(first.content.draft_id);
    const next = await runTool(
      draftTransactionTool,
      { text: null, entry },
      ctxFor(financeCaller, 'turn-next'),
    );
    expect(next.ok && next.content.draft_id).not.toBe(first.content.draft_id);
  });

  it('refuses a viewer or analyst politely, drafting nothing', async () => {
    const before = await countRows('ledger_drafts');
    for (const caller of [viewer, analyst]) {
      const result = await runTool(draftTransactionTool, { text: TEXT, entry: null }, ctxFor(caller));
      expect(result).toMatchObject({ ok: false, error: { code: 'TOOL_FORBIDDEN' } });
      if (!result.ok)
        expect(result.error.message).toMatch(/^Sorry, draft_transaction needs the "finance" role/);
      const list = await runTool(listTransactionsTool, listAll, ctxFor(caller));
      expect(list).toMatchObject({ ok: false, error: { code: 'TOOL_FORBIDDEN' } });
    }
    expect(await countRows('ledger_drafts')).toBe(before);
  });

  it('takes the identity from the context: identity in the arguments is refused, not used', async () => {
    for (const extra of [{ user_id: 'fiona' }, { roles: ['finance'] }, { createdBy: 'fiona' }]) {
      const asViewer = await runTool(
        draftTransactionTool,
        { text: TEXT, entry: null, ...extra },
        ctxFor(viewer),
      );
      expect(asViewer).toMatchObject({ ok: false, error: { code: 'TOOL_FORBIDDEN' } });
      const asFinance = await runTool(
        draftTransactionTool,
        { text: TEXT, entry: null, ...extra },
        ctxFor(financeCaller),
      );
      expect(asFinance).toMatchObject({ ok: false, error: { code: 'TOOL_BAD_ARGUMENTS' } });
    }
  });

  it('asks back rather than guess, wants exactly one of text or entry, and says when no ledger is set up', async () => {
    const question = await runTool(
      draftTransactionTool,
      { text: 'record something', entry: null },
      ctxFor(financeCaller),
    );
    expect(question).toMatchObject({ ok: true, content: { status: 'question' } });
    const neither = await runTool(draftTransactionTool, { text: null, entry: null }, ctxFor(financeCaller));
    expect(neither).toMatchObject({ ok: false, error: { code: 'LEDGER_INVALID_INPUT' } });
    const none = await runTool(
      draftTransactionTool,
      { text: TEXT, entry: null },
      ctxFor(financeCaller, 't', false),
    );
    expect(none).toMatchObject({ ok: false, error: { code: 'BAD_ARGUMENT' } });
    if (!none.ok) expect(none.error.message).toContain('No ledger is configured');
  });

  it('lists posted entries for finance, with filters and the cap for the model', async () => {
    const drafted = await runTool(
      draftTransactionTool,
      { text: 'record expense 80 for team lunch from Casa Pepe, paid by card', entry: null },
      ctxFor(financeCaller),
    );
    if (!drafted.ok) throw new Error(drafted.error.message);
    const posted = await service.confirm(financeCaller, String(drafted.content.draft_id), {
      idempotencyKey: `c-${engine().kind}-${Date.now()}`,
    });
    const all = await runTool(listTransactionsTool, listAll, ctxFor(financeCaller));
    if (!all.ok) throw new Error(all.error.message);
    const entries = all.content.entries as { entry_number: string; counterparty: string | null }[];
    expect(entries.map((e) => e.entry_number)).toContain(posted.entryNumber);
    const filtered = await runTool(
      listTransactionsTool,
      { ...listAll, counterparty: 'pepe' },
      ctxFor(financeCaller),
    );
    expect(filtered.ok && filtered.content.entries).toEqual([
      expect.objectContaining({ entry_number: posted.entryNumber }),
    ]);
    const none = await runTool(
      listTransactionsTool,
      { ...listAll, counterparty: 'nobody at all' },
      ctxFor(financeCaller),
    );
    expect(none.ok && none.content.entry_count).toBe(0);
    const capped = { ...ctxFor(financeCaller), limits: { ...DEFAULT_TOOL_LIMITS, modelRows: 0 } };
    const hidden = await runTool(listTransactionsTool, listAll, capped);
    expect(hidden.ok && hidden.content.note).toMatch(/Showing the first 0 of/);
    const bad = await runTool(listTransactionsTool, { ...listAll, from: 'last week' }, ctxFor(financeCaller));
    expect(bad).toMatchObject({ ok: false, error: { code: 'TOOL_BAD_ARGUMENTS' } });
  });
});

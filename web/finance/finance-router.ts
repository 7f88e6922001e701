/**
 * The finance pages and their JSON twins, finance role only, all through the LedgerService (which
 * checks the role again): journal, entry with audit trail, reversal with a confirmation step, trial
 * balance, expenses (and CSV), general-ledger CSV, accountants' file upload, and the chat's draft
 * card buttons (confirm / cancel, idempotent per draft).
 */
import express, { type Request, type Response, type Router } from 'express';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { EntryFilter } from '../../ledger/list-entries.ts';
import type { PostedEntry } from '../../ledger/read-entries.ts';
import { requireRole } from '../auth/require-role.ts';
import { safeNext } from '../auth/sign-in-router.ts';
import type { WebDeps } from '../web-contract.ts';
import { readEntryAudit } from './entry-audit.ts';
import { actorOf, ledgerOf, queryDate, queryText } from './finance-actor.ts';
import { entryPage, journalPage, reversePage } from './journal-pages.ts';
import { expensesCsv, expensesPage, trialBalancePage } from './report-pages.ts';
import { uploadRoutes } from './upload-routes.ts';

const DRAFT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENTRY_NUMBER = /^[A-Za-z0-9._/-]{1,40}$/;

function filterOf(request: Request): EntryFilter {
  const q = request.query;
  const limit = Number(queryText(q.limit, 5) ?? 100);
  return {
    ...(queryDate(q.from, 'from') ? { from: queryDate(q.from, 'from') } : {}),
    ...(queryDate(q.to, 'to') ? { to: queryDate(q.to, 'to') } : {}),
    ...(queryText(q.account, 20) ? { account: queryText(q.account, 20) } : {}),
    ...(queryText(q.counterparty) ? { counterparty: queryText(q.counterparty) } : {}),
    ...(queryText(q.text) ? { text: queryText(q.text) } : {}),
    limit: Number.isInteger(limit) && limit > 0 ? Math.min(limit, 500) : 100,
  };
}

function param(request: Request, name: string, pattern: RegExp, what: string): string {
  const value = String(request.params[name] ?? '');
  if (!pattern.test(value))
    throw new CodedError(ErrorCode.BadArgument, `"${value.slice(0, 60)}" is not ${what}.`);
  return value;
}

async function findEntry(deps: WebDeps, response: Response, entryNumber: string): Promise<PostedEntry> {
  const found = await ledgerOf(deps).listEntries(actorOf(response), { text: entryNumber, limit: 50 });
  const entry = found.find((e) => e.entryNumber === entryNumber);
  if (!entry) throw new CodedError(ErrorCode.LedgerNotFound, `There is no entry ${entryNumber}.`);
  return entry;
}

function csv(response: Response, name: string, text: string): void {
  response.type('text/csv; charset=utf-8').attachment(name).send(text);
}

export function financeRouter(deps: WebDeps, options: { uploadLimit: string }): Router {
  const router = express.Router();
  const finance = requireRole('finance');
  const audit = (n: string) => readEntryAudit(ledgerOf(deps).database, deps.appDb, n);
  const reverse = (request: Request, response: Response, entryNumber: string) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const reason = typeof body.reason === 'string' ? body.reason.trim().slice(0, 300) : '';
    return ledgerOf(deps).reverse(actorOf(response), entryNumber, {
      // One reversal per entry: the entry number is the natural idempotency key.
      idempotencyKey: `web:reverse:${entryNumber}`,
      ...(reason ? { reason } : {}),
    });
  };
  const confirm = (response: Response, id: string) =>
    ledgerOf(deps).confirm(actorOf(response), id, { idempotencyKey: `web:confirm:${id}` });
  const cancel = (response: Response, id: string) =>
    ledgerOf(deps).cancel(actorOf(response), id, { idempotencyKey: `web:cancel:${id}` });

  router.get('/finance', finance, (_request, response) => response.redirect(303, '/finance/journal'));
  router.get('/finance/journal', finance, async (request, response) => {
    const filter = filterOf(request);
    const entries = await ledgerOf(deps).listEntries(actorOf(response), filter);
    response.type('html').send(journalPage(response, filter, entries));
  });
  router.get('/finance/entries/:number', finance, async (request, response) => {
    const entry = await findEntry(deps, response, param(request, 'number', ENTRY_NUMBER, 'an entry number'));
    const notice =
      typeof request.query.reversed === 'string'
        ? `Posted as the reversal of ${request.query.reversed}.`
        : undefined;
    response.type('html').send(entryPage(response, entry, await audit(entry.entryNumber), notice));
  });
  router.get('/finance/entries/:number/reverse', finance, async (request, response) => {
    const entry = await findEntry(deps, response, param(request, 'number', ENTRY_NUMBER, 'an entry number'));
    response.type('html').send(reversePage(response, entry, await audit(entry.entryNumber)));
  });
  router.post('/finance/entries/:number/reverse', finance, async (request, response) => {
    const number = param(request, 'number', ENTRY_NUMBER, 'an entry number');
    // The confirmation step: only the confirmation page's form says confirm=yes.
    if ((request.body as Record<string, unknown> | undefined)?.confirm !== 'yes') {
      response.redirect(303, `/finance/entries/${encodeURIComponent(number)}/reverse`);
      return;
    }
    const reversal = await reverse(request, response, number);
    response.redirect(
      303,
      `/finance/entries/${encodeURIComponent(reversal.entryNumber)}?reversed=${encodeURIComponent(number)}`,
    );
  });
  router.get('/finance/trial-balance', finance, async (request, response) => {
    const balance = await ledgerOf(deps).trialBalance(
      actorOf(response),
      queryDate(request.query.asOf, 'asOf') ?? null,
    );
    response.type('html').send(trialBalancePage(response, balance));
  });
  router.get(['/finance/expenses', '/finance/expenses.csv'], finance, async (request, response) => {
    const range = { from: queryDate(request.query.from, 'from'), to: queryDate(request.query.to, 'to') };
    const rows = await ledgerOf(deps).expensesByMonth(actorOf(response), {
      ...(range.from ? { from: range.from } : {}),
      ...(range.to ? { to: range.to } : {}),
    });
    if (request.path.endsWith('.csv')) csv(response, 'expenses-by-month.csv', expensesCsv(rows));
    else response.type('html').send(expensesPage(response, range, rows));
  });
  router.get('/finance/general-ledger.csv', finance, async (request, response) => {
    const { from, to, account } = filterOf(request);
    const text = await ledgerOf(deps).generalLedgerCsv(actorOf(response), {
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(account ? { account } : {}),
    });
    csv(response, 'general-ledger.csv', text);
  });
  router.post('/finance/drafts/:id/confirm', finance, async (request, response) => {
    const entry = await confirm(response, param(request, 'id', DRAFT_ID, 'a draft id'));
    const next = (request.body as Record<string, unknown> | undefined)?.next;
    response.redirect(
      303,
      next ? safeNext(next) : `/finance/entries/${encodeURIComponent(entry.entryNumber)}`,
    );
  });
  router.post('/finance/drafts/:id/cancel', finance, async (request, response) => {
    await cancel(response, param(request, 'id', DRAFT_ID, 'a draft id'));
    const next = (request.body as Record<string, unknown> | undefined)?.next;
    response.redirect(303, next ? safeNext(next) : '/finance/journal');
  });

  router.get('/api/finance/entries', finance, async (request, response) => {
    response.json({ entries: await ledgerOf(deps).listEntries(actorOf(response), filterOf(request)) });
  });
  router.get('/api/finance/entries/:number', finance, async (request, response) => {
    const entry = await findEntry(deps, response, param(request, 'number', ENTRY_NUMBER, 'an entry number'));
    response.json({ entry, audit: await audit(entry.entryNumber) });
  });
  router.post('/api/finance/entries/:number/reverse', finance, async (request, response) => {
    const number = param(request, 'number', ENTRY_NUMBER, 'an entry number');
    response.status(201).json({ entry: await reverse(request, response, number) });
  });
  router.get('/api/finance/trial-balance', finance, async (request, response) => {
    response.json(
      await ledgerOf(deps).trialBalance(actorOf(response), queryDate(request.query.asOf, 'asOf') ?? null),
    );
  });
  router.get('/api/finance/expenses', finance, async (request, response) => {
    const from = queryDate(request.query.from, 'from');
    const to = queryDate(request.query.to, 'to');
    const rows = await ledgerOf(deps).expensesByMonth(actorOf(response), {
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    });
    response.json({ rows });
  });
  router.post('/api/finance/drafts/:id/confirm', finance, async (request, response) => {
    response.json({ entry: await confirm(response, param(request, 'id', DRAFT_ID, 'a draft id')) });
  });
  router.post('/api/finance/drafts/:id/cancel', finance, async (request, response) => {
    response.json({ draft: await cancel(response, param(request, 'id', DRAFT_ID, 'a draft id')) });
  });
  router.use(uploadRoutes(deps, options));
  return router;
}

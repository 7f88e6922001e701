/**
 * The finance pages and their JSON twins, finance role only, all through the LedgerService (which
 * checks the role again): journal, entry with audit trail, reversal with a confirmation step, trial
 * balance, expenses (and CSV), general-ledger CSV, accountants' file upload, and the chat's draft
 * card buttons (confirm / cancel, idempotent per draft).
 */
import express, { type Router } from 'express';
import { expensesCsv } from '../../ledger/ledger-reports.ts';
import { requireRole } from '../auth/require-role.ts';
import { safeNext } from '../auth/sign-in-router.ts';
import type { WebDeps } from '../web-contract.ts';
import { actorOf, ledgerOf, queryDate } from './finance-actor.ts';
import { financeApiRoutes } from './finance-api-routes.ts';
import {
  csv,
  DRAFT_ID,
  ENTRY_NUMBER,
  filterOf,
  financeActions,
  findEntry,
  param,
} from './finance-requests.ts';
import { entryPage, journalPage, reversePage } from './journal-pages.ts';
import { expensesPage, trialBalancePage } from './report-pages.ts';
import { uploadRoutes } from './upload-routes.ts';

export function financeRouter(deps: WebDeps, options: { uploadLimit: string }): Router {
  const router = express.Router();
  const finance = requireRole('finance');
  const { audit, reverse, confirm, cancel } = financeActions(deps);
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

  router.use(financeApiRoutes(deps));
  router.use(uploadRoutes(deps, options));
  return router;
}

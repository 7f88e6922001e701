/** The finance pages' JSON twins under /api/finance (finance role only; described in web/openapi/). */
import express, { type Router } from 'express';
import { requireRole } from '../auth/require-role.ts';
import type { WebDeps } from '../web-contract.ts';
import { actorOf, ledgerOf, queryDate } from './finance-actor.ts';
import { DRAFT_ID, ENTRY_NUMBER, filterOf, financeActions, findEntry, param } from './finance-requests.ts';

export function financeApiRoutes(deps: WebDeps): Router {
  const router = express.Router();
  const finance = requireRole('finance');
  const { audit, reverse, confirm, cancel } = financeActions(deps);
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
  return router;
}

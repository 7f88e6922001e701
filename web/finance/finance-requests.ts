/** Reading finance requests (filters, path parameters, entries) and the ledger calls the routes share. */
import type { Request, Response } from 'express';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { EntryFilter } from '../../ledger/list-entries.ts';
import type { PostedEntry } from '../../ledger/read-entries.ts';
import type { WebDeps } from '../web-contract.ts';
import { readEntryAudit } from './entry-audit.ts';
import { actorOf, ledgerOf, queryDate, queryText } from './finance-actor.ts';

export const DRAFT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const ENTRY_NUMBER = /^[A-Za-z0-9._/-]{1,40}$/;

export function filterOf(request: Request): EntryFilter {
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

export function param(request: Request, name: string, pattern: RegExp, what: string): string {
  const value = String(request.params[name] ?? '');
  if (!pattern.test(value))
    throw new CodedError(ErrorCode.BadArgument, `"${value.slice(0, 60)}" is not ${what}.`);
  return value;
}

export async function findEntry(
  deps: WebDeps,
  response: Response,
  entryNumber: string,
): Promise<PostedEntry> {
  const found = await ledgerOf(deps).listEntries(actorOf(response), { text: entryNumber, limit: 50 });
  const entry = found.find((e) => e.entryNumber === entryNumber);
  if (!entry) throw new CodedError(ErrorCode.LedgerNotFound, `There is no entry ${entryNumber}.`);
  return entry;
}

export function csv(response: Response, name: string, text: string): void {
  response.type('text/csv; charset=utf-8').attachment(name).send(text);
}

/** The ledger calls the pages and the JSON routes share, with their idempotency keys. */
export function financeActions(deps: WebDeps) {
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

  return { audit, reverse, confirm, cancel };
}

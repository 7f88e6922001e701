/** The journal (filtered list), an entry with its audit trail, and the reversal confirmation. */
import type { Response } from 'express';
import { formatMinor } from '../../ledger/currencies.ts';
import type { EntryFilter } from '../../ledger/list-entries.ts';
import type { PostedEntry } from '../../ledger/read-entries.ts';
import { html } from '../html/escape-html.ts';
import type { AuditStep } from './entry-audit.ts';
import { financePage } from './finance-nav.ts';

/** The debit side's total: what an entry "is for". */
export function entryAmount(entry: PostedEntry): string {
  const debit = entry.lines.filter((l) => l.amountMinor > 0).reduce((sum, l) => sum + l.amountMinor, 0);
  return formatMinor(debit, entry.lines[0]?.currency ?? 'USD');
}

const entryLink = (n: string) => html`<a href="/finance/entries/${encodeURIComponent(n)}">${n}</a>`;

export function journalPage(response: Response, filter: EntryFilter, entries: PostedEntry[]): string {
  const field = (name: keyof EntryFilter, label: string, type = 'text') =>
    html`<label>${label} <input name="${name}" type="${type}" value="${filter[name] ?? ''}"></label>`;
  const rows = entries.map(
    (e) => html`<tr><td>${entryLink(e.entryNumber)}</td><td>${e.entryDate}</td><td>${e.kind}</td>
<td>${e.counterparty ?? ''}</td><td>${e.memo}</td><td>${e.lines.map((l) => l.accountCode).join(', ')}</td>
<td class="num">${entryAmount(e)}</td><td>${e.reversedBy ? html`reversed by ${entryLink(e.reversedBy)}` : e.reversalOf ? html`reverses ${entryLink(e.reversalOf)}` : ''}</td></tr>`,
  );
  const query = new URLSearchParams(
    Object.entries({ from: filter.from, to: filter.to, account: filter.account }).filter(
      (pair): pair is [string, string] => pair[1] !== undefined,
    ),
  ).toString();
  const body = html`<h1>Journal</h1>
<form method="get" action="/finance/journal" class="filters">
${field('from', 'From', 'date')} ${field('to', 'To', 'date')} ${field('account', 'Account')}
${field('counterparty', 'Counterparty')} ${field('text', 'Text')}
<button type="submit" class="primary">Filter</button> <a href="/finance/journal">Clear</a>
</form>
<p class="muted">${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}, newest first (at most ${filter.limit ?? 50}).
<a href="/finance/general-ledger.csv${query ? `?${query}` : ''}" download>General ledger CSV</a></p>
<table class="data journal"><thead><tr><th>Entry</th><th>Date</th><th>Kind</th><th>Counterparty</th><th>Memo</th><th>Accounts</th><th class="num">Amount</th><th>Reversal</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="8">No entries match these filters.</td></tr>`}</tbody></table>`;
  return financePage(response, 'Journal', '/finance/journal', body);
}

function linesTable(entry: PostedEntry) {
  const rows = entry.lines.map(
    (l) => html`<tr><td>${l.accountCode}</td><td>${l.accountName}</td>
<td class="num">${l.amountMinor > 0 ? formatMinor(l.amountMinor, l.currency) : ''}</td>
<td class="num">${l.amountMinor < 0 ? formatMinor(-l.amountMinor, l.currency) : ''}</td></tr>`,
  );
  return html`<table class="data"><thead><tr><th>Account</th><th>Name</th><th class="num">Debit</th><th class="num">Credit</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function summary(entry: PostedEntry, trail: AuditStep[] = []) {
  const poster = trail.find((s) => s.userId === entry.createdBy)?.username ?? entry.createdBy;
  return html`<dl class="facts"><dt>Date</dt><dd>${entry.entryDate}</dd><dt>Kind</dt><dd>${entry.kind}</dd>
<dt>Counterparty</dt><dd>${entry.counterparty ?? '-'}</dd><dt>Memo</dt><dd>${entry.memo}</dd>
<dt>Amount</dt><dd>${entryAmount(entry)}</dd><dt>Posted by</dt><dd>${poster}</dd></dl>`;
}

export function entryPage(
  response: Response,
  entry: PostedEntry,
  trail: AuditStep[],
  notice?: string,
): string {
  const steps = trail.map(
    (s) => html`<tr><td>${s.at.replace('T', ' ').slice(0, 19)} UTC</td><td>${s.action}</td>
<td>${s.username ?? s.userId}</td><td>${s.roles.join(', ')}</td><td>${s.channel}</td><td>${s.text ?? ''}</td></tr>`,
  );
  const canReverse = !entry.reversedBy && entry.kind !== 'reversal';
  const body = html`${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
<h1>Entry ${entry.entryNumber}</h1>
${summary(entry, trail)}
${entry.reversedBy ? html`<p class="notice">Reversed by ${entryLink(entry.reversedBy)}.</p>` : ''}
${entry.reversalOf ? html`<p>This entry reverses ${entryLink(entry.reversalOf)}.</p>` : ''}
${linesTable(entry)}
<h2>Audit trail</h2>
<table class="data"><thead><tr><th>When</th><th>Action</th><th>Who</th><th>Roles</th><th>From</th><th>Text</th></tr></thead>
<tbody>${steps.length ? steps : html`<tr><td colspan="6">No requests recorded.</td></tr>`}</tbody></table>
${canReverse ? html`<p><a class="button danger" href="/finance/entries/${encodeURIComponent(entry.entryNumber)}/reverse">Reverse this entry…</a></p>` : ''}`;
  return financePage(response, `Entry ${entry.entryNumber}`, '/finance/journal', body);
}

export function reversePage(response: Response, entry: PostedEntry, trail: AuditStep[]): string {
  const number = encodeURIComponent(entry.entryNumber);
  const body = html`<h1>Reverse entry ${entry.entryNumber}?</h1>
<p>A reversal posts a new entry dated today with every line's debit and credit swapped. The original stays in the journal; this cannot be undone except by another entry.</p>
${summary(entry, trail)}${linesTable(entry)}
<form method="post" action="/finance/entries/${number}/reverse" class="confirm">
<input type="hidden" name="_csrf" value="${response.locals.csrfToken}">
<input type="hidden" name="confirm" value="yes">
<label>Reason (kept in the audit trail) <input name="reason" maxlength="300" required></label>
<button type="submit" class="danger">Yes, reverse ${entry.entryNumber}</button>
<a href="/finance/entries/${number}">No, keep it</a>
</form>`;
  return financePage(response, `Reverse ${entry.entryNumber}`, '/finance/journal', body);
}

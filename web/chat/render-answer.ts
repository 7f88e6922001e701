/**
 * One answer as HTML, the same on the thread page and in the stream's last event: the text, the
 * chart (an <img> of the answer's SVG served by its own route: an SVG in an <img> runs nothing),
 * a compact table, "how I got this", the draft card, suggestions and the feedback controls.
 * Every value is escaped by the html tag.
 */
import type { Answer, AnswerTable, Provenance } from '../../assistant/answer.ts';
import type { DraftCard } from '../../ledger/ledger-drafts.ts';
import { html, type SafeHtml } from '../html/escape-html.ts';
import { formatValue } from './format-value.ts';

export function chartUrl(answerId: string): string {
  return `/chat/answers/${encodeURIComponent(answerId)}/chart.svg`;
}

/** A link that asks `question` (in `threadId` when given): the script asks in place, without it a link. */
export function askLink(question: string, threadId: string | null, className = 'suggestion'): SafeHtml {
  const base = threadId ? `/chat/${encodeURIComponent(threadId)}` : '/chat';
  return html`<a class="${className}" href="${base}?q=${encodeURIComponent(question)}" data-question="${question}">${question}</a>`;
}

function renderTable(table: AnswerTable): SafeHtml {
  const numeric = (format: string, role: string) =>
    role !== 'time' && role !== 'dimension' && format !== 'text';
  return html`<div class="a-table-wrap"><table class="a-table">
<caption>${table.title}</caption>
<thead><tr>${table.columns.map((c) => html`<th scope="col" class="${numeric(c.format, c.role) ? 'num' : ''}">${c.label}</th>`)}</tr></thead>
<tbody>${table.rows.map(
    (row) =>
      html`<tr>${table.columns.map((c, i) => html`<td class="${numeric(c.format, c.role) ? 'num' : ''}">${formatValue(row[i], c.format)}</td>`)}</tr>`,
  )}</tbody></table>${table.truncated ? html`<p class="a-more">Showing ${table.rows.length} of ${table.totalRows} rows.</p>` : ''}</div>`;
}

function renderProvenance(p: Provenance): SafeHtml {
  const freshness = p.freshness.map(
    (f) =>
      html`<li>${f.source}: ${f.lastLoadedAt ? `loaded ${f.lastLoadedAt.slice(0, 16).replace('T', ' ')} UTC` : 'never loaded'}${f.lagHours === null ? '' : ` (${Math.round(f.lagHours)} h ago)`}</li>`,
  );
  return html`<details class="how"><summary>How I got this</summary><div class="how-body">
${p.metrics.length > 0 ? html`<h4>Metrics</h4><dl>${p.metrics.map((m) => html`<dt>${m.label}</dt><dd>${m.description}<br><code>${m.definition}</code></dd>`)}</dl>` : ''}
<h4>Period</h4><p>${p.period ? `${p.period.label} (${p.period.start} to ${p.period.end})` : 'All time'}${p.comparison ? `, ${p.comparison}` : ''}</p>
<h4>Filters</h4>${p.filters.length > 0 ? html`<ul>${p.filters.map((f) => html`<li>${f}</li>`)}</ul>` : html`<p>None</p>`}
${freshness.length > 0 ? html`<h4>Data freshness</h4><ul>${freshness}</ul>` : ''}
${p.sql.map((s) => html`<h4>SQL</h4><pre class="sql">${s.text}</pre>${s.params.length > 0 ? html`<p class="params">Parameters: <code>${JSON.stringify(s.params)}</code></p>` : ''}`)}
<p class="meta">Answered by ${p.provider}${p.tools.length > 0 ? ` using ${p.tools.join(', ')}` : ''}.</p>
</div></details>`;
}

export function renderDraftCard(card: DraftCard): SafeHtml {
  const pending = card.status === 'pending';
  return html`<div class="draft-card" data-draft-id="${card.draftId}" data-status="${card.status}">
<h4>Draft ${card.kind}: ${card.amount}</h4>
<dl><dt>Date</dt><dd>${card.entryDate}</dd><dt>Debit</dt><dd>${card.debit.code} ${card.debit.name}</dd>
<dt>Credit</dt><dd>${card.credit.code} ${card.credit.name}</dd>${card.counterparty ? html`<dt>Counterparty</dt><dd>${card.counterparty}</dd>` : ''}
<dt>Memo</dt><dd>${card.memo}</dd></dl>
<p class="draft-status" role="status">${pending ? 'Waiting for your confirmation.' : card.status === 'confirmed' ? `Recorded as ${card.entryNumber ?? 'an entry'}.` : 'Cancelled.'}</p>
${pending ? html`<div class="draft-actions"><button type="button" class="primary" data-draft-action="confirm">Confirm</button><button type="button" data-draft-action="cancel">Cancel</button></div>` : ''}
</div>`;
}

function renderFeedback(answer: Answer): SafeHtml {
  return html`<form class="feedback" method="post" action="/api/feedback" data-answer-id="${answer.id}">
<span class="feedback-label">Was this right?</span>
<button type="button" class="thumb" data-rating="up" aria-label="Yes, this is right">✓ Right</button>
<button type="button" class="thumb" data-rating="down" aria-label="No, this is wrong">✗ Wrong</button>
<div class="feedback-comment" hidden><textarea name="comment" rows="2" maxlength="1000" placeholder="What is wrong? (optional)"></textarea>
<button type="button" class="primary" data-feedback-send>Send</button></div>
<span class="feedback-status" role="status"></span></form>`;
}

function paragraphs(text: string): SafeHtml[] {
  return text
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => html`<p>${p}</p>`);
}

export function renderAnswer(answer: Answer): SafeHtml {
  const suggestions =
    answer.suggestions.length > 0
      ? html`<div class="suggestions"><span>Try:</span>${answer.suggestions.map((q) => askLink(q, answer.threadId))}</div>`
      : '';
  const figureBearing = answer.kind === 'answer';
  return html`<article class="answer kind-${answer.kind}" id="answer-${answer.id}" data-answer-id="${answer.id}">
<div class="a-text">${paragraphs(answer.text)}</div>
${answer.error ? html`<p class="a-error">Reference: <code>${answer.error.referenceId}</code> (${answer.error.code})</p>` : ''}
${answer.chart ? html`<figure class="a-chart"><img src="${chartUrl(answer.id)}" alt="${answer.chart.title}" width="640" height="360"></figure>` : ''}
${answer.table && answer.table.rows.length > 0 ? renderTable(answer.table) : ''}
${answer.draft ? renderDraftCard(answer.draft) : ''}
${answer.provenance && figureBearing ? renderProvenance(answer.provenance) : ''}
${suggestions}
${answer.kind === 'draft' ? '' : renderFeedback(answer)}
</article>`;
}

export function renderTurn(question: string, answer: Answer): SafeHtml {
  return html`<div class="turn"><p class="question">${question}</p>${renderAnswer(answer)}</div>`;
}

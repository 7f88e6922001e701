/** The admin page: adoption by week, and the answers marked wrong with a correction form each. */
import type { FeedbackRecord, SavedVerifiedQuery, WeeklyUsage } from '../../assistant/memory/app-stores.ts';
import { html, type SafeHtml } from '../html/escape-html.ts';
import { renderPage } from '../html/render-page.ts';
import type { WebUser } from '../web-contract.ts';

export interface AdminPageInput {
  user: WebUser;
  csrfToken: string;
  weekly: WeeklyUsage[];
  wrong: FeedbackRecord[];
  verified: SavedVerifiedQuery[];
  notice: { kind: 'ok' | 'error'; text: string; feedbackId?: string } | null;
  /** What the admin typed, kept after a refused save. */
  draft?: { feedbackId: string; question: string; queryJson: string };
}

const pct = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`);

function usageTable(weekly: WeeklyUsage[]): SafeHtml {
  if (weekly.length === 0) return html`<p class="muted">No questions asked yet.</p>`;
  return html`<table class="admin-table"><thead><tr><th>Week of</th><th class="num">Active users</th><th class="num">Questions</th>
<th class="num">Answered</th><th class="num">Clarified</th><th class="num">Failed</th><th class="num">Marked right</th><th class="num">Marked wrong</th></tr></thead>
<tbody>${weekly.map(
    (w) => html`<tr><td>${w.week}</td><td class="num">${w.activeUsers}</td><td class="num">${w.questions}</td>
<td class="num">${pct(w.answered, w.questions)}</td><td class="num">${pct(w.clarified, w.questions)}</td>
<td class="num">${pct(w.failed, w.questions)}</td><td class="num">${w.thumbsUp}</td><td class="num">${w.thumbsDown}</td></tr>`,
  )}</tbody></table>`;
}

function tiles(weekly: WeeklyUsage[]): SafeHtml {
  const latest = weekly[0];
  if (!latest) return html``;
  const tile = (label: string, value: string) =>
    html`<div class="admin-tile"><span>${label}</span><strong>${value}</strong></div>`;
  return html`<div class="admin-tiles">${tile(`Active users, week of ${latest.week}`, String(latest.activeUsers))}${tile('Questions', String(latest.questions))}${tile('Answered', pct(latest.answered, latest.questions))}${tile('Clarified', pct(latest.clarified, latest.questions))}${tile('Failed', pct(latest.failed, latest.questions))}</div>`;
}

function wrongCard(f: FeedbackRecord, input: AdminPageInput): SafeHtml {
  const kept = input.draft?.feedbackId === f.id ? input.draft : undefined;
  const queryJson = kept?.queryJson ?? JSON.stringify(f.semanticQueries[0] ?? { metrics: [] }, null, 2);
  const problem =
    input.notice?.kind === 'error' && input.notice.feedbackId === f.id ? input.notice.text : null;
  return html`<article class="wrong" id="feedback-${f.id}">
<h3>${f.question}</h3>
<p class="muted">Marked wrong by ${f.userId} on ${f.createdAt.slice(0, 10)} (${f.channel})${f.comment ? html`: <q>${f.comment}</q>` : ''}</p>
${f.figures.length > 0 ? html`<ul class="figures">${f.figures.map((x) => html`<li>${x.label}: <strong>${x.formatted}</strong></li>`)}</ul>` : ''}
<form method="post" action="/admin/verified-queries" class="correction">
<input type="hidden" name="_csrf" value="${input.csrfToken}"><input type="hidden" name="feedbackId" value="${f.id}">
<label>Question <input type="text" name="question" maxlength="500" required value="${kept?.question ?? f.question}"></label>
<label>Semantic query (JSON) <textarea name="query" rows="10" spellcheck="false">${queryJson}</textarea></label>
${problem ? html`<p class="error" role="alert">${problem}</p>` : ''}
<button type="submit" class="primary">Save as verified query</button>
</form></article>`;
}

export function renderAdminPage(input: AdminPageInput): string {
  const body = html`<div class="admin">
<h1>Adoption and trust</h1>
${input.notice?.kind === 'ok' ? html`<p class="notice" role="status">${input.notice.text}</p>` : ''}
${tiles(input.weekly)}
<section><h2>By week</h2>${usageTable(input.weekly)}</section>
<section><h2>Answers marked wrong</h2>${
    input.wrong.length === 0
      ? html`<p class="muted">Nothing waiting: no open thumbs-down.</p>`
      : input.wrong.map((f) => wrongCard(f, input))
  }</section>
<section><h2>Verified queries saved here</h2>${
    input.verified.length === 0
      ? html`<p class="muted">None yet.</p>`
      : html`<ul class="verified">${input.verified.map((v) => html`<li><strong>${v.question}</strong> <span class="muted">by ${v.createdBy}, ${v.createdAt.slice(0, 10)}</span></li>`)}</ul>`
  }</section></div>`;
  return renderPage({
    title: 'Admin',
    user: input.user,
    csrfToken: input.csrfToken,
    active: 'admin',
    body,
    styles: ['/static/admin/admin.css'],
  });
}

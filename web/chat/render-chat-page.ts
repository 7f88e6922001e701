/** The chat page: recent threads on the left, the conversation, and the question box. */
import type { Answer } from '../../assistant/answer.ts';
import type { ThreadSummary } from '../../assistant/memory/app-stores.ts';
import { html, type SafeHtml } from '../html/escape-html.ts';
import { renderPage } from '../html/render-page.ts';
import type { WebUser } from '../web-contract.ts';
import { askLink, renderTurn } from './render-answer.ts';

export interface ChatPageInput {
  user: WebUser;
  csrfToken: string;
  threads: ThreadSummary[];
  threadId: string | null;
  turns: { question: string; answer: Answer }[];
  starters: string[];
  /** A question to ask on load (?q=): asked by the script, or prefilled without it. */
  pending: string | null;
}

function sidebar(threads: ThreadSummary[], current: string | null): SafeHtml {
  return html`<aside class="threads" aria-label="Conversations">
<a class="new-thread" href="/chat">+ New conversation</a>
<h2>Recent</h2>
<ul id="thread-list">${threads.map(
    (t) =>
      html`<li><a href="/chat/${encodeURIComponent(t.threadId)}"${current === t.threadId ? html` aria-current="page"` : ''}>${t.title}</a></li>`,
  )}</ul>${threads.length === 0 ? html`<p class="muted">No conversations yet.</p>` : ''}
</aside>`;
}

function emptyState(starters: string[]): SafeHtml {
  return html`<div class="empty-thread"><h1>Ask about the business</h1>
<p class="muted">Figures come from the warehouse through the semantic model; every answer says how it was got.</p>
${starters.length > 0 ? html`<div class="suggestions starters">${starters.map((q) => askLink(q, null))}</div>` : ''}</div>`;
}

export function renderChatPage(input: ChatPageInput): string {
  const body = html`<div class="chat-layout">
${sidebar(input.threads, input.threadId)}
<section class="conversation" data-thread-id="${input.threadId ?? ''}" data-pending="${input.pending ?? ''}">
<div id="messages" class="messages" aria-live="polite">${
    input.turns.length === 0
      ? emptyState(input.starters)
      : input.turns.map((t) => renderTurn(t.question, t.answer))
  }</div>
<form id="ask" class="ask" method="post" action="/chat">
<input type="hidden" name="_csrf" value="${input.csrfToken}">
<input type="hidden" name="threadId" value="${input.threadId ?? ''}">
<label class="visually-hidden" for="question">Your question</label>
<input id="question" name="question" type="text" maxlength="2000" autocomplete="off" required placeholder="Ask a question, e.g. revenue by region last quarter" value="${input.pending ?? ''}">
<button type="submit" class="primary">Ask</button>
</form>
</section></div>`;
  return renderPage({
    title: 'Chat',
    user: input.user,
    csrfToken: input.csrfToken,
    active: 'chat',
    body,
    styles: ['/static/chat/chat.css'],
    scripts: ['/static/chat/chat.js'],
  });
}

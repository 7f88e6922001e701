// The chat page's script: asks over POST /api/chat and renders the Server-Sent Events as they
// arrive (status, text, then the answer's HTML from the server), suggestions, feedback and the
// draft card's buttons. Without it the page still works through the plain form POST.
(() => {
  const csrf = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
  const section = document.querySelector('.conversation');
  const messages = document.getElementById('messages');
  const form = document.getElementById('ask');
  if (!section || !messages || !form) return;
  const input = form.querySelector('input[name="question"]');
  const threadInput = form.querySelector('input[name="threadId"]');
  let busy = false;

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const post = (url, body) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    });

  function setThread(threadId) {
    if (!threadId || section.dataset.threadId === threadId) return;
    section.dataset.threadId = threadId;
    threadInput.value = threadId;
    history.replaceState(null, '', `/chat/${encodeURIComponent(threadId)}`);
    refreshThreads(threadId);
  }

  async function refreshThreads(current) {
    const list = document.getElementById('thread-list');
    const response = await fetch('/api/threads');
    if (!list || !response.ok) return;
    const { threads } = await response.json();
    list.replaceChildren(
      ...threads.map((t) => {
        const li = el('li');
        const a = el('a', '', t.title);
        a.href = `/chat/${encodeURIComponent(t.threadId)}`;
        if (t.threadId === current) a.setAttribute('aria-current', 'page');
        li.append(a);
        return li;
      }),
    );
    list.parentElement?.querySelector('p.muted')?.remove();
  }

  // Parses "event: x\ndata: {...}\n\n" blocks from a streamed body.
  async function* events(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data) yield { type, data: JSON.parse(data) };
        end = buffer.indexOf('\n\n');
      }
    }
  }

  async function ask(question) {
    if (busy || !question.trim()) return;
    busy = true;
    form.classList.add('busy');
    messages.querySelector('.empty-thread')?.remove();
    const turn = el('div', 'turn');
    const pending = el('article', 'answer pending');
    const status = el('p', 'a-status', 'Thinking…');
    const text = el('p', 'a-stream');
    pending.append(status, text);
    turn.append(el('p', 'question', question), pending);
    messages.append(turn);
    turn.scrollIntoView({ block: 'end', behavior: 'smooth' });
    try {
      const response = await post('/api/chat', { threadId: section.dataset.threadId || null, question });
      if (!response.ok || !response.body) {
        const problem = await response.json().catch(() => ({}));
        throw new Error(problem.error?.message ?? `The server said ${response.status}.`);
      }
      for await (const event of events(response.body)) {
        if (event.type === 'status') status.textContent = event.data.message;
        else if (event.type === 'text') text.textContent += event.data.delta;
        else if (event.type === 'answer') {
          const template = document.createElement('template');
          template.innerHTML = event.data.html;
          pending.replaceWith(template.content);
          setThread(event.data.answer.threadId);
        } else if (event.type === 'error') {
          throw new Error(`${event.data.message} Reference: ${event.data.requestId}.`);
        }
      }
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
      status.classList.add('a-error');
    } finally {
      busy = false;
      form.classList.remove('busy');
      turn.scrollIntoView({ block: 'end', behavior: 'smooth' });
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const question = input.value;
    input.value = '';
    ask(question);
  });

  async function sendFeedback(box, rating, comment) {
    const state = box.querySelector('.feedback-status');
    const response = await post('/api/feedback', { answerId: box.dataset.answerId, rating, comment });
    const result = await response.json().catch(() => ({}));
    state.textContent = response.ok ? 'Thanks, noted.' : (result.error?.message ?? 'Could not save that.');
    if (response.ok) {
      for (const b of box.querySelectorAll('.thumb'))
        b.setAttribute('aria-pressed', String(b.dataset.rating === rating));
      box.querySelector('.feedback-comment').hidden = true;
    }
  }

  async function draftAction(card, action) {
    const state = card.querySelector('.draft-status');
    for (const b of card.querySelectorAll('button')) b.disabled = true;
    const response = await post(
      `/api/finance/drafts/${encodeURIComponent(card.dataset.draftId)}/${action}`,
      {},
    );
    const result = await response.json().catch(() => ({}));
    if (response.ok && result.ok) {
      const number = result.entry?.entryNumber ?? result.entry?.entry_number;
      card.dataset.status = action === 'confirm' ? 'confirmed' : 'cancelled';
      state.textContent = action === 'confirm' ? `Recorded${number ? ` as ${number}` : ''}.` : 'Cancelled.';
      card.querySelector('.draft-actions')?.remove();
    } else {
      state.textContent = result.error?.message ?? `That did not work (${response.status}).`;
      for (const b of card.querySelectorAll('button')) b.disabled = false;
    }
  }

  messages.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const suggestion = target?.closest('a.suggestion');
    if (suggestion) {
      event.preventDefault();
      ask(suggestion.dataset.question ?? suggestion.textContent ?? '');
      return;
    }
    const thumb = target?.closest('button.thumb');
    if (thumb) {
      const box = thumb.closest('form.feedback');
      if (thumb.dataset.rating === 'up') sendFeedback(box, 'up', null);
      else {
        box.querySelector('.feedback-comment').hidden = false;
        box.querySelector('textarea').focus();
      }
      return;
    }
    const send = target?.closest('[data-feedback-send]');
    if (send) {
      const box = send.closest('form.feedback');
      sendFeedback(box, 'down', box.querySelector('textarea').value.trim() || null);
      return;
    }
    const draft = target?.closest('[data-draft-action]');
    if (draft) draftAction(draft.closest('.draft-card'), draft.dataset.draftAction);
  });

  const queued = section.dataset.pending;
  if (queued) {
    input.value = '';
    history.replaceState(null, '', location.pathname);
    ask(queued);
  } else {
    messages.lastElementChild?.scrollIntoView({ block: 'end' });
  }
})();

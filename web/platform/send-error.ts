/**
 * Every error a client sees, in one shape: JSON `{ error: { code, message, requestId } }` under
 * /api, a short page elsewhere. Never a stack trace; the request id ties it to the log line.
 */
import type { Request, Response } from 'express';
import { html } from '../html/escape-html.ts';
import { renderPage } from '../html/render-page.ts';

export function wantsJson(request: Request): boolean {
  return request.originalUrl.startsWith('/api/') || request.originalUrl === '/api';
}

export function sendError(
  request: Request,
  response: Response,
  status: number,
  code: string,
  message: string,
): void {
  const requestId = String(response.locals.requestId ?? '');
  if (response.headersSent) {
    response.end();
    return;
  }
  if (wantsJson(request)) {
    response.status(status).json({ error: { code, message, requestId } });
    return;
  }
  const body = html`<section class="error-page"><h1>${titleOf(status)}</h1><p>${message}</p>
<p class="muted">Error ${code} · request id <code>${requestId}</code></p>
<p><a href="/">Back to the start page</a></p></section>`;
  response
    .status(status)
    .type('html')
    .send(
      renderPage({
        title: titleOf(status),
        user: response.locals.user,
        csrfToken: String(response.locals.csrfToken ?? ''),
        body,
      }),
    );
}

function titleOf(status: number): string {
  if (status === 400) return 'That request was not understood';
  if (status === 401) return 'Please sign in';
  if (status === 403) return 'Not allowed';
  if (status === 404) return 'Page not found';
  if (status === 413) return 'Too large';
  if (status === 429) return 'Too many requests';
  return 'Something went wrong';
}

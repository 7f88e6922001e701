/**
 * GET /sign-in (the form), POST /sign-in (check the password, rate limited per username and
 * address, then a fresh session: rotation) and POST /sign-out. The CSRF guard has run before.
 */
import express, { type Request, type Response, type Router } from 'express';
import { html } from '../html/escape-html.ts';
import { renderPage } from '../html/render-page.ts';
import { sendError } from '../platform/send-error.ts';
import type { RateLimit, RateLimiter } from './rate-limiter.ts';
import { cookieOptions, PRE_SESSION_COOKIE, SESSION_COOKIE } from './session-middleware.ts';
import type { SessionStore } from './session-store.ts';
import type { UserStore } from './user-store.ts';

export interface SignInDeps {
  users: UserStore;
  sessions: SessionStore;
  limiter: RateLimiter;
  signInLimit: RateLimit;
  sessionTtlMs: number;
  onSignIn?: (outcome: 'ok' | 'failed' | 'limited') => void;
}

/** Only a local path may follow sign-in: "//evil.example" and "https://..." are refused. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/';
}

function signInPage(response: Response, options: { next: string; username?: string; error?: string }) {
  const body = html`<section class="sign-in card">
<h1>Sign in to shoebox</h1>
${options.error ? html`<p class="alert" role="alert">${options.error}</p>` : ''}
<form method="post" action="/sign-in">
<input type="hidden" name="_csrf" value="${response.locals.csrfToken}">
<input type="hidden" name="next" value="${options.next}">
<label>Username <input name="username" autocomplete="username" required value="${options.username ?? ''}" autofocus></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit" class="primary">Sign in</button>
</form></section>`;
  return renderPage({ title: 'Sign in', user: undefined, csrfToken: response.locals.csrfToken, body });
}

export function signInRouter(deps: SignInDeps): Router {
  const router = express.Router();
  router.get('/sign-in', (request, response) => {
    if (response.locals.user) {
      response.redirect(303, safeNext(request.query.next));
      return;
    }
    response.type('html').send(signInPage(response, { next: safeNext(request.query.next) }));
  });

  router.post('/sign-in', async (request: Request, response: Response) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const username =
      typeof body.username === 'string' ? body.username.trim().toLowerCase().slice(0, 100) : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(body.next);
    // Failed attempts count, per username and client address; a success costs nothing.
    const bucket = `sign-in:${username}:${request.ip}`;
    const decision = await deps.limiter.peek(bucket, deps.signInLimit);
    if (!decision.allowed) {
      deps.onSignIn?.('limited');
      response.set('Retry-After', String(decision.retryAfterSeconds));
      sendError(
        request,
        response,
        429,
        'RATE_LIMITED',
        `Too many sign-in attempts for this user from this address. Try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minutes.`,
      );
      return;
    }
    const user = username && password ? await deps.users.verify(username, password) : undefined;
    if (!user) {
      await deps.limiter.hit(bucket, deps.signInLimit);
      deps.onSignIn?.('failed');
      response
        .status(401)
        .type('html')
        .send(signInPage(response, { next, username, error: 'Wrong username or password.' }));
      return;
    }
    const previous = (request.cookies as Record<string, string | undefined>)[SESSION_COOKIE];
    if (previous) await deps.sessions.delete(previous);
    const { sessionId } = await deps.sessions.create(user);
    response.cookie(SESSION_COOKIE, sessionId, cookieOptions(request, deps.sessionTtlMs));
    response.clearCookie(PRE_SESSION_COOKIE, cookieOptions(request));
    deps.onSignIn?.('ok');
    response.redirect(303, next);
  });

  router.post('/sign-out', async (request, response) => {
    const sessionId = (request.cookies as Record<string, string | undefined>)[SESSION_COOKIE];
    if (sessionId) await deps.sessions.delete(sessionId);
    response.clearCookie(SESSION_COOKIE, cookieOptions(request));
    response.redirect(303, '/sign-in');
  });
  return router;
}

/**
 * The platform over HTTP (fetch against a listening server, real PGlite): security headers,
 * request ids, health and metrics, the OpenAPI description, sign-in and its cookie, CSRF refusals,
 * role guards, rate limits, sessions ending, and errors that never show a stack trace.
 */
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskRequest } from '../assistant/assistant.ts';
import { requireRole } from './auth/require-role.ts';
import type { FeatureRouter } from './create-web-app.ts';
import { html } from './html/escape-html.ts';
import { renderPage } from './html/render-page.ts';
import { apiRoutes } from './test-api-routes.ts';
import { openTestEngines, startTestWebApp, type TestEngines, type TestWebApp } from './test-web-app.ts';
import { TestWebClient } from './test-web-client.ts';
import { callerOf } from './web-contract.ts';

async function errorOf(response: Response): Promise<{ code: string; message: string; requestId: string }> {
  return ((await response.json()) as { error: { code: string; message: string; requestId: string } }).error;
}

const SECRET = 'database password is hunter2 at /srv/app/secret.ts:12';

/** A stand-in for the chat work's router: POST /api/chat (rate limited by the platform) and a throw. */
const probeRouter: FeatureRouter = (deps) => {
  const router = express.Router();
  router.post('/api/chat', requireRole(), async (request, response) => {
    const ask: AskRequest = {
      threadId: null,
      question: String(request.body.question),
      caller: callerOf(response.locals.user, response.locals.sessionId),
    };
    const answer = await deps.runtime.assistant.answer(ask);
    response.json({ ok: true, text: answer.text });
  });
  router.get('/chat', requireRole(), (_request, response) => {
    const { user, csrfToken } = response.locals;
    response
      .type('html')
      .send(renderPage({ title: 'Chat', user, csrfToken, active: 'chat', body: html`<p>chat</p>` }));
  });
  router.get('/boom', requireRole(), () => {
    throw new Error(SECRET);
  });
  return router;
};

let engines: TestEngines;
let app: TestWebApp;
const logLines: string[] = [];

beforeAll(async () => {
  engines = await openTestEngines();
  app = await startTestWebApp({
    engines,
    featureRouters: [probeRouter],
    homePath: '/chat',
    logLines,
    settings: {
      signInLimit: { limit: 3, windowMs: 60_000 },
      chatLimit: { limit: 2, windowMs: 60_000 },
      bodyLimit: '1kb',
    },
  });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await engines?.close();
});

describe('platform headers, health, metrics and OpenAPI', () => {
  it('sets a strict CSP and the other helmet headers, and echoes or makes a request id', async () => {
    const response = await fetch(`${app.url}/sign-in`, { headers: { 'x-request-id': 'probe-1234567' } });
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-request-id')).toBe('probe-1234567');
    const fresh = await fetch(`${app.url}/healthz`, { headers: { 'x-request-id': 'bad id <script>' } });
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await fresh.json()).toEqual({ ok: true });
  });

  it('serves static files and Prometheus metrics by route', async () => {
    const css = await fetch(`${app.url}/static/app.css`);
    expect(css.headers.get('content-type')).toContain('text/css');
    const icon = await fetch(`${app.url}/favicon.ico`);
    expect([icon.status, icon.headers.get('content-type')]).toEqual([200, 'image/svg+xml']);
    expect(await (await fetch(`${app.url}/sign-in`)).text()).toContain('href="/static/favicon.svg"');
    await fetch(`${app.url}/sign-in`);
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(
      /shoebox_http_requests_total\{method="GET",route="\/sign-in",status="200"\} [1-9]/,
    );
    expect(metrics).toContain('shoebox_http_request_duration_seconds_bucket');
    expect(metrics).toContain('process_cpu_user_seconds_total');
  });

  it('describes every /api route the app registers in /api/openapi.json', async () => {
    const doc = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const registered = apiRoutes(app.expressApp);
    expect(registered.length).toBeGreaterThanOrEqual(10);
    const missing = registered.filter(({ method, path }) => !doc.paths[path]?.[method]);
    expect(missing).toEqual([]);
  });
});

describe('sign-in, sessions and CSRF', () => {
  it('refuses a wrong password with a message, then signs in with HttpOnly SameSite=Lax cookies', async () => {
    const client = new TestWebClient(app.url);
    const wrong = await client.signIn('finance', 'not the password');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Wrong username or password.');
    const ok = await client.signIn('finance');
    expect(ok.status).toBe(303);
    const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('shoebox_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).toMatch(/^shoebox_session=[A-Za-z0-9_-]{43};/);
    const stored = await engines.appDb.query<{ id_hash: string }>('SELECT id_hash FROM app.sessions');
    const raw = client.cookies.get('shoebox_session') ?? '';
    expect(stored.rows.map((r) => r.id_hash)).not.toContain(raw);
  });

  it('marks the cookie Secure behind an HTTPS proxy when trust proxy is set', async () => {
    const proxied = await startTestWebApp({ engines, settings: { trustProxy: 1 } });
    try {
      const client = new TestWebClient(proxied.url);
      await client.page('/sign-in');
      const response = await client.request('/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https' },
        body: new URLSearchParams({
          username: 'admin',
          password: 'correct horse battery',
          _csrf: client.csrfToken,
        }),
      });
      expect(response.status).toBe(303);
      expect(response.headers.getSetCookie().find((c) => c.startsWith('shoebox_session='))).toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
  });

  it("refuses POSTs without the CSRF token, with a wrong one, or with another session's", async () => {
    const client = new TestWebClient(app.url);
    await client.page('/sign-in');
    const noToken = await client.postForm(
      '/sign-in',
      { username: 'finance', password: 'correct horse battery' },
      false,
    );
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain('no valid CSRF token');
    await client.signIn('finance');
    const other = new TestWebClient(app.url);
    await other.signIn('admin');
    const draftPath = '/api/finance/drafts/00000000-0000-4000-8000-000000000000/cancel';
    for (const token of [undefined, 'x'.repeat(43), other.csrfToken]) {
      const response = await client.request(draftPath, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
        body: '{}',
      });
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('CSRF_REFUSED');
    }
  });

  it('rotates the session on sign-in and ends it on sign-out', async () => {
    const client = new TestWebClient(app.url);
    await client.signIn('manager');
    const first = client.cookies.get('shoebox_session');
    await client.signIn('manager');
    const second = client.cookies.get('shoebox_session');
    expect(second).not.toBe(first);
    const stale = await fetch(`${app.url}/chat`, {
      headers: { cookie: `shoebox_session=${first}` },
      redirect: 'manual',
    });
    expect(stale.status).toBe(303);
    const out = await client.postForm('/sign-out', {});
    expect(out.status).toBe(303);
    const page = await fetch(`${app.url}/chat`, {
      headers: { cookie: `shoebox_session=${second}` },
      redirect: 'manual',
    });
    expect(page.headers.get('location')).toBe('/sign-in?next=%2Fchat');
  });

  it('ends a session when it expires', async () => {
    const short = await startTestWebApp({
      engines,
      settings: { sessionTtlMs: 300 },
      featureRouters: [probeRouter],
    });
    try {
      const client = new TestWebClient(short.url);
      await client.signIn('manager');
      expect((await client.request('/chat')).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const expired = await client.request('/chat');
      expect(expired.status).toBe(303);
      expect(expired.headers.get('location')).toContain('/sign-in');
    } finally {
      await short.close();
    }
  });

  it('only follows local paths after sign-in', async () => {
    const client = new TestWebClient(app.url);
    await client.page('/sign-in');
    const response = await client.postForm('/sign-in', {
      username: 'admin',
      password: 'correct horse battery',
      next: '//evil.example/x',
    });
    expect(response.headers.get('location')).toBe('/');
  });
});

describe('roles, rate limits and errors', () => {
  it('sends visitors to sign in, and refuses a manager the finance pages and API', async () => {
    const anonymous = await fetch(`${app.url}/finance/journal`, { redirect: 'manual' });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/sign-in?next=%2Ffinance%2Fjournal');
    const api = await fetch(`${app.url}/api/finance/entries`);
    expect(api.status).toBe(401);
    expect((await errorOf(api)).code).toBe('NOT_SIGNED_IN');
    const manager = new TestWebClient(app.url);
    await manager.signIn('manager');
    expect((await manager.request('/finance/journal')).status).toBe(403);
    expect((await manager.request('/status')).status).toBe(403);
    const json = await manager.request('/api/finance/entries');
    expect(json.status).toBe(403);
    expect((await errorOf(json)).code).toBe('FORBIDDEN');
    const admin = new TestWebClient(app.url);
    await admin.signIn('admin');
    const status = (await admin.page('/status')).html;
    expect(status).toContain('Test data &lt;Co&gt;');
    expect(status).toContain('erp.sales_orders</td><td class="num">12,345');
    expect((await admin.request('/api/status')).status).toBe(200);
    expect((await manager.request('/api/status')).status).toBe(403);
  });

  it('limits sign-in attempts per username and address, and chat questions per user', async () => {
    const client = new TestWebClient(app.url);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.signIn('limited-user', 'wrong password')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await client.postForm('/sign-in', { username: 'limited-user', password: 'x' });
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    const chatter = new TestWebClient(app.url);
    await chatter.signIn('manager');
    const chats: number[] = [];
    for (let i = 0; i < 3; i++) chats.push((await chatter.postJson('/api/chat', { question: 'hi' })).status);
    expect(chats).toEqual([200, 200, 429]);
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(/shoebox_answers_total\{kind="answer"\} 2/);
    expect(metrics).toMatch(/shoebox_rate_limited_total\{limit="chat"\} 1/);
    expect(metrics).toMatch(/shoebox_rate_limited_total\{limit="sign-in"\} [1-9]/);
  });

  it('answers bad input and unknown routes with a code, and never shows a stack trace', async () => {
    const client = new TestWebClient(app.url);
    await client.signIn('finance');
    const malformed = await client.request(
      '/api/finance/drafts/00000000-0000-4000-8000-000000000000/cancel',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrfToken },
        body: '{"oops":',
      },
    );
    expect(malformed.status).toBe(400);
    expect(await errorOf(malformed)).toMatchObject({ code: 'BAD_REQUEST', requestId: expect.any(String) });
    const big = await client.postJson('/api/chat', { question: 'x'.repeat(5000) });
    expect(big.status).toBe(413);
    expect((await errorOf(big)).code).toBe('PAYLOAD_TOO_LARGE');
    const unknown = await client.request('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('NOT_FOUND');
    const page = await client.page('/no/such/page');
    expect(page.response.status).toBe(404);
    expect(page.html).toContain('Page not found');
    const boom = await client.page('/boom');
    expect(boom.response.status).toBe(500);
    expect(boom.html).not.toContain('hunter2');
    expect(boom.html).not.toMatch(/\.ts:\d+/);
    const requestId = boom.response.headers.get('x-request-id') ?? '';
    expect(boom.html).toContain(requestId);
    expect(logLines.some((line) => line.includes(requestId) && line.includes('unhandled error'))).toBe(true);
  });

  it('keeps cookies, CSRF tokens and passwords out of the request log', async () => {
    const client = new TestWebClient(app.url);
    await client.signIn('admin');
    const log = logLines.join('\n');
    expect(log).not.toContain(client.cookies.get('shoebox_session'));
    expect(log).not.toContain(client.csrfToken);
    expect(log).not.toContain('correct horse battery');
    expect(log).toMatch(/"reqId":"[^"]+","method":"POST","path":"\/sign-in"/);
  });
});

/** Every route under /api in the app's router stack, as OpenAPI paths ({id} for :id). */

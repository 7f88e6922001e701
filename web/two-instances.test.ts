/**
 * Two web servers on two ports over ONE Postgres app database (DATABASE_URL), as behind a load
 * balancer: a session made on one works on the other, its CSRF token is accepted by both, sign-out
 * on one ends it on both, and failed sign-ins count toward one limit across both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../db/test-postgres.ts';
import { openTestEngines, startTestWebApp, type TestEngines, type TestWebApp } from './test-web-app.ts';
import { TestWebClient } from './test-web-client.ts';

let database: { url: string; drop: () => Promise<void> };
const engines: TestEngines[] = [];
const apps: TestWebApp[] = [];

beforeAll(async () => {
  database = await createTestDatabase('web_two');
  for (let i = 0; i < 2; i++) {
    const opened = await openTestEngines(database.url);
    engines.push(opened);
    apps.push(
      await startTestWebApp({ engines: opened, settings: { signInLimit: { limit: 4, windowMs: 60_000 } } }),
    );
  }
}, 60_000);
afterAll(async () => {
  for (const app of apps) await app.close();
  for (const opened of engines) await opened.close();
  await database?.drop();
});

/** The same browser (cookie jar) talking to whichever instance the balancer picks. */
function onInstance(client: TestWebClient, app: TestWebApp): TestWebClient {
  const moved = new TestWebClient(app.url);
  for (const [name, value] of client.cookies) moved.cookies.set(name, value);
  moved.csrfToken = client.csrfToken;
  return moved;
}

describe('two instances over one Postgres app database', () => {
  it('runs on Postgres and on two ports', () => {
    expect(engines[0]?.appDb.kind).toBe('postgres');
    expect(apps[0]?.url).not.toBe(apps[1]?.url);
  });

  it('shares sessions and CSRF tokens, and sign-out ends the session on both', async () => {
    const [a, b] = apps as [TestWebApp, TestWebApp];
    const onA = new TestWebClient(a.url);
    expect((await onA.signIn('finance')).status).toBe(303);
    const onB = onInstance(onA, b);
    const page = await onB.page('/finance/journal');
    expect(page.response.status).toBe(200);
    expect(page.html).toContain('Test finance');
    expect(onB.csrfToken).toBe(onA.csrfToken);
    // A POST with the token from A's page is accepted by B (404 draft, not 403 CSRF).
    const viaB = await onB.postJson('/api/finance/drafts/00000000-0000-4000-8000-000000000000/cancel', {});
    expect(viaB.status).toBe(404);
    const viaA = await onA.postJson('/api/finance/drafts/00000000-0000-4000-8000-000000000000/cancel', {});
    expect(viaA.status).toBe(404);
    expect((await onB.postForm('/sign-out', {})).status).toBe(303);
    const after = await onInstance(onA, a).request('/finance/journal');
    expect(after.status).toBe(303);
  });

  it('counts failed sign-ins across both instances', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const client = new TestWebClient((apps[i % 2] as TestWebApp).url);
      statuses.push((await client.signIn('admin', `wrong ${i}`)).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
  });
});

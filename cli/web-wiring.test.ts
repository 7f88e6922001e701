/**
 * The web app as `shoebox serve` wires it: the real feature routers (chat, dashboard, feedback,
 * admin) mounted on the platform, and every /api route they add described in /api/openapi.json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.ts';
import { apiRoutes } from '../web/test-api-routes.ts';
import { startTestWebApp, type TestWebApp } from '../web/test-web-app.ts';
import { WEB_WIRING } from './web-wiring.ts';

let app: TestWebApp;

beforeAll(async () => {
  const config = loadConfig({ env: {}, cwd: process.cwd() });
  app = await startTestWebApp({ featureRouters: WEB_WIRING.featureRouters(config), homePath: '/chat' });
});
afterAll(async () => {
  await app?.close();
});

describe('the wired web app', () => {
  it('mounts chat, dashboard, feedback and admin, and describes every /api route they add', async () => {
    const doc = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const registered = apiRoutes(app.expressApp);
    for (const path of [
      '/api/chat',
      '/api/threads',
      '/api/feedback',
      '/api/dashboard',
      '/api/admin/verified-queries',
    ]) {
      expect(registered.map((r) => r.path)).toContain(path);
    }
    expect(registered.filter(({ method, path }) => !doc.paths[path]?.[method])).toEqual([]);
  });
});

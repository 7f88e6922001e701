/**
 * The web dashboard over loopback, as a signed-in manager sees it: the first (cold) build of
 * /dashboard, then autocannon with ten connections for ten seconds against the cached page (the
 * cache is keyed on the data's freshness, so this is the page every visitor after the first gets).
 */
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { openAssistantRuntime } from '../../assistant/open-assistant-runtime.ts';
import { loadConfig } from '../../core/config.ts';
import { createLogger } from '../../core/logger.ts';
import { UserStore } from '../../web/auth/user-store.ts';
import { createRequestLogger } from '../../web/platform/request-context.ts';
import { startWebServer } from '../../web/start-web-server.ts';
import { WEB_WIRING } from '../web-wiring.ts';
import type { BenchmarkRow } from './benchmark-row.ts';

const CONNECTIONS = 10;
const SECONDS = 10;
const PAGE = '/dashboard?period=last_month';

/** Signs in through the real form; returns the session cookie. */
async function signIn(url: string, username: string, password: string): Promise<string> {
  const form = await fetch(`${url}/sign-in`);
  const preSession = form.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /<meta name="csrf-token" content="([^"]*)">/.exec(await form.text())?.[1] ?? '';
  const response = await fetch(`${url}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: preSession },
    body: new URLSearchParams({ username, password, _csrf: token }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith('shoebox_session='));
  if (response.status !== 303 || !session) throw new Error(`bench sign-in failed (${response.status})`);
  return session.split(';')[0] as string;
}

export async function webBenchmarks(): Promise<BenchmarkRow[]> {
  const config = loadConfig({ env: process.env, cwd: process.cwd() });
  const log = createLogger({ level: 'error', secrets: () => [], write: () => {} });
  const runtime = await openAssistantRuntime({ config, log, provider: 'offline' });
  const server = await startWebServer({
    port: 0,
    deps: { runtime, appDb: runtime.appDb, log, clock: config.clock },
    featureRouters: WEB_WIRING.featureRouters(config),
    // A quiet request log: the bench measures the page, not the terminal.
    requestLog: createRequestLogger({ level: 'silent' }),
  });
  try {
    // A user of its own per run (the bench's home is throwaway, but a rerun on one must not clash).
    const username = `bench-${randomBytes(4).toString('hex')}`;
    const password = randomBytes(18).toString('base64url');
    await new UserStore(runtime.appDb).add({ username, password, roles: ['manager'] });
    const cookie = await signIn(server.url, username, password);
    const t0 = performance.now();
    const cold = await fetch(`${server.url}${PAGE}`, { headers: { cookie } });
    if (cold.status !== 200) throw new Error(`the dashboard answered ${cold.status}`);
    await cold.text();
    const coldMs = performance.now() - t0;
    const result = await autocannon({
      url: `${server.url}${PAGE}`,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: { cookie },
    });
    const failed = result.non2xx + result.errors + result.timeouts;
    return [
      {
        name: 'web: dashboard, first build after start (tiles, charts, insights through the tools)',
        value: `${coldMs.toFixed(0)} ms`,
        target: '-',
      },
      {
        name: `web: dashboard from its cache, autocannon ${CONNECTIONS} connections ${SECONDS} s on loopback, latency p50 / p90 / p99`,
        value: `${result.latency.p50} / ${result.latency.p90} / ${result.latency.p99} ms`,
        target: '-',
      },
      {
        name: 'web: dashboard throughput (same run)',
        value: `${result.requests.average.toFixed(0)} requests/s${failed > 0 ? ` (${failed} failed)` : ''}`,
        target: '-',
      },
    ];
  } finally {
    await server.close();
    await runtime.close();
  }
}

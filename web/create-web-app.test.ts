import { afterEach, describe, expect, it } from 'vitest';
import { type RunningWebServer, startWebServer } from './start-web-server.ts';
import type { StatusReport } from './status-report.ts';

const report: StatusReport = {
  dataset: 'Example <Co>',
  period: { first: '2023-01-01', last: '2026-11-23' },
  warehouse: 'duckdb:/tmp/w.duckdb',
  tables: [{ schema: 'erp', name: 'sales_orders', rows: 12345 }],
  lastLoadedAt: '2026-11-23T10:00:00Z',
};

let server: RunningWebServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('web app', () => {
  it('serves the status page with escaped values, status JSON and a health check', async () => {
    server = await startWebServer({ port: 0, status: async () => report });
    const page = await fetch(`${server.url}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('Example &lt;Co&gt;');
    expect(html).toContain('erp.sales_orders</td><td class="num">12,345');
    expect(await (await fetch(`${server.url}/api/status`)).json()).toEqual(report);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true });
  });

  it('says which port is taken when it cannot listen', async () => {
    server = await startWebServer({ port: 0, status: async () => report });
    const port = Number(new URL(server.url).port);
    await expect(startWebServer({ port, status: async () => report })).rejects.toThrow(
      `The web server could not start: port ${port} is in use; set PORT or pass --port`,
    );
  });
});

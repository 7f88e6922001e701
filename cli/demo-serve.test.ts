/**
 * What `npm start` does, as a user would run it: a real process builds the demo, loads it, creates
 * the demo users (printing their passwords once), serves the web app, answers HTTP, and stops
 * cleanly on SIGINT. The second start reuses the data: it serves first and reloads behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TestWebClient } from '../web/test-web-client.ts';
import { type DemoProcess, demoPasswords, freePort, startDemo } from './test-demo-process.ts';

let home: string | undefined;
let child: DemoProcess | undefined;

afterEach(() => {
  child?.process.kill('SIGKILL');
  if (home) rmSync(home, { recursive: true, force: true });
});

async function start(port: number): Promise<DemoProcess> {
  child = await startDemo({ home: home as string, port });
  return child;
}

describe('shoebox demo (npm start)', () => {
  it('generates, loads and serves the demo with its users; a second start serves before reloading', async () => {
    home = mkdtempSync(path.join(os.tmpdir(), 'shoebox-start-'));
    const port = await freePort();
    const first = await start(port);
    expect(first.url).toBe(`http://127.0.0.1:${port}`);
    const passwords = demoPasswords(first.output());
    expect(Object.keys(passwords).sort()).toEqual(['admin', 'finance', 'manager']);
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    const admin = new TestWebClient(first.url);
    expect((await admin.signIn('admin', passwords.admin)).status).toBe(303);
    const status = await admin.page('/status');
    expect(status.html).toContain('Cordova Shoe Co. (demo, seed 42, scale 0.01)');
    expect(status.html).toMatch(/erp\.sales_order_lines<\/td><td class="num">[1-9][\d,]*/);
    const finance = new TestWebClient(first.url);
    await finance.signIn('finance', passwords.finance);
    expect((await finance.page('/finance/journal')).html).toMatch(/entries, newest first/);
    expect(await first.stop()).toBe(0);
    expect(first.output()).toContain('Stopped.');

    const second = await start(port);
    // The URL comes before the pipeline's check; that check still finishes before the stop.
    expect(second.output()).not.toMatch(/No changes in erp/);
    expect(second.output()).not.toContain(passwords.admin);
    expect(second.output()).toContain('Demo users: manager, finance, admin');
    const again = new TestWebClient(second.url);
    expect((await again.signIn('admin', passwords.admin)).status).toBe(303);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await second.stop()).toBe(0);
    expect(second.output()).toMatch(/No changes in erp; the warehouse is up to date/);
    expect(second.output()).toContain('Stopped.');
    console.info(
      `npm start to URL: first ${first.seconds.toFixed(1)} s, second ${second.seconds.toFixed(1)} s`,
    );
    expect(second.seconds).toBeLessThan(first.seconds);
  }, 240_000);
});

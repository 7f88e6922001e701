/**
 * The whole product as a manager meets it: `shoebox demo` in a real process (the demo built,
 * loaded and served with the real assistant, no scripted answers), Chromium signs in through the
 * form with the printed password and asks a question in the chat. The answer streams in with its
 * figures, table, chart and "how I got this", under the platform's Content-Security-Policy. Its
 * screenshot is docs/web/chat.png (with SHOEBOX_UPDATE_SCREENSHOTS=1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoProcess, demoPasswords, freePort, startDemo } from '../cli/test-demo-process.ts';
import { launchBrowser, screenshotDir, signInAs, type TestBrowser } from '../web/test-browser.ts';

const home = mkdtempSync(path.join(os.tmpdir(), 'shoebox-chat-demo-'));
let demo: DemoProcess;
let browser: TestBrowser;

beforeAll(async () => {
  demo = await startDemo({ home, port: await freePort() });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
  rmSync(home, { recursive: true, force: true });
});

describe('the web chat over the running demo', () => {
  it('answers a manager with figures, a table, a chart and its sources', async () => {
    const page = await browser.newPage(demo.url, { viewport: { width: 1280, height: 1400 } });
    const errors: string[] = [];
    page.on('console', (message) => {
      // Failed loads are reported below with their address.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        errors.push(message.text());
    });
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (response.status() >= 400) errors.push(`${response.status()} ${pathname}`);
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await signInAs(page, 'manager', demoPasswords(demo.output()).manager);
    await page.goto(`${demo.url}/chat`);
    await page.fill('#question', 'revenue by region last month');
    await page.press('#question', 'Enter');
    const answer = page.locator('article.answer:not(.pending)').last();
    await answer.locator('.a-chart img').waitFor({ timeout: 60_000 });
    await page.waitForFunction(
      "document.querySelector('.a-chart img')?.complete && document.querySelector('.a-chart img').naturalWidth > 0",
    );
    // SHOEBOX_NOW is 2026-11-20: last month is October 2026, and the leader's figure is the table's first.
    const text = (await answer.locator('.a-text').textContent()) ?? '';
    expect(text).toMatch(/^\S.* led revenue with \$[\d,.]+[KM]? in October 2026/);
    const firstFigure = await answer.locator('table.a-table td.num').first().textContent();
    expect(text).toContain(firstFigure?.trim());
    expect(await answer.locator('table.a-table tbody tr').count()).toBeGreaterThan(2);
    await answer.locator('details.how summary').click();
    await expect(answer.locator('pre.sql').textContent()).resolves.toMatch(/FROM curated\.sales_lines/);
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(screenshotDir('web'), 'chat.png') });
  }, 120_000);
});

/**
 * Test support for real-browser tests: Debian's chromium (/usr/bin/chromium) driven by
 * playwright-core, one fresh profile per browser. General on purpose (other surfaces' tests use it):
 * launch, open a page, sign in as a role through the real form, and screenshot to a path.
 *
 *   const browser = await launchBrowser();
 *   const page = await browser.newPage(app.url);
 *   await signInAs(page, 'finance');
 *   await screenshot(page, 'docs/web/journal.png');
 *   await browser.close();
 */
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { TEST_PASSWORD } from './test-web-app.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, no sandbox (root in CI), and no background calls this closed network would refuse. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Viewport {
  width: number;
  height: number;
}

export const PHONE: Viewport = { width: 390, height: 844 };

export interface TestBrowser {
  browser: Browser;
  /**
   * A tab in a context of its own (its own cookies: one person per page), at `url` if given.
   * Closing the page closes its context.
   */
  newPage(url?: string, options?: { viewport?: Viewport }): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No chromium at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`,
    );
  }
  // playwright-core gives every launch a fresh user-data-dir of its own and removes it on close.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const contexts: BrowserContext[] = [];
  return {
    browser,
    async newPage(url, options = {}) {
      const context = await browser.newContext({
        viewport: options.viewport ?? { width: 1280, height: 800 },
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on('close', () => void context.close().catch(() => undefined));
      if (url) await page.goto(url);
      return page;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
    },
  };
}

/** Signs in through the form on the page's origin; resolves once the next page has loaded. */
export async function signInAs(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  const origin = new URL(page.url() === 'about:blank' ? 'http://invalid' : page.url()).origin;
  await page.goto(`${origin}/sign-in`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
}

/**
 * Where a test's screenshots go: `docs/<folder>` when SHOEBOX_UPDATE_SCREENSHOTS=1 (to refresh
 * the docs' pictures, then look at them), otherwise a temporary folder, so `npm test` leaves the
 * working tree as it was (error pages carry request ids, so the bytes change every run).
 */
export function screenshotDir(folder: string): string {
  return process.env.SHOEBOX_UPDATE_SCREENSHOTS === '1'
    ? join(import.meta.dirname, '..', 'docs', folder)
    : join(tmpdir(), 'shoebox-screenshots', folder);
}

/** A full-page PNG at `path` (folders made as needed). */
export async function screenshot(page: Page, path: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
}

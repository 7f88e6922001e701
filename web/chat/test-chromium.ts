/**
 * Test support: Debian's Chromium driven by playwright-core, one fresh profile per signed-in test
 * user (the feature app reads the user from the x-test-user header). Console errors, page errors
 * and failed loads (but the favicon's) are collected, so a Content-Security-Policy violation fails the test that caused it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test-browser.ts';

export interface BrowserSession {
  page: Page;
  /** Console errors and uncaught page errors so far. */
  errors: string[];
  close(): Promise<void>;
}

export async function openBrowserAs(user: string): Promise<BrowserSession> {
  const profile = mkdtempSync(path.join(tmpdir(), 'shoebox-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
    extraHTTPHeaders: { 'x-test-user': user },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (message) => {
    // Failed loads are reported below with their address.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      errors.push(message.text());
  });
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (response.status() >= 400 && url.pathname !== '/favicon.ico')
      errors.push(`${response.status()} ${url.pathname}`);
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

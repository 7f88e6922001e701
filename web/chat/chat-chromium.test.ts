/**
 * The chat, feedback and admin pages in real Chromium, under a Content-Security-Policy like the
 * platform's: a question streams into an answer with its chart, table and "how I got this"; a
 * suggestion asks again; a thumbs-down with a comment is stored; a draft is confirmed; the admin
 * sees the answer marked wrong and saves the correction. Screenshots go to docs/web/.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshotDir } from '../test-browser.ts';
import { type RunningChatApp, startChatApp } from './test-chat-answers.ts';
import { type BrowserSession, openBrowserAs } from './test-chromium.ts';

// docs/web/ with SHOEBOX_UPDATE_SCREENSHOTS=1; the chat's own picture there is the real demo's
// (checks/web-chat-demo-chromium.test.ts), so this scripted one stays in the temporary folder.
const SHOTS = screenshotDir('web');
let app: RunningChatApp;
let finance: BrowserSession;
const confirmed: string[] = [];

beforeAll(async () => {
  app = await startChatApp({
    // The platform's draft endpoint, as its contract says: JSON {ok, entry | error}.
    extra: (express) =>
      express.post('/api/finance/drafts/:id/confirm', (request, response) => {
        confirmed.push(String(request.params.id));
        response.json({ ok: true, entry: { entryNumber: 'JE-2026-000123' } });
      }),
  });
  finance = await openBrowserAs('finance');
}, 60_000);

afterAll(async () => {
  await finance?.close();
  await app?.close();
});

describe('chat in Chromium', () => {
  it('streams an answer with its chart, table and how-I-got-this panel', async () => {
    const { page } = finance;
    await page.goto(`${app.url}/chat`);
    await expect(page.locator('.starters a.suggestion').count()).resolves.toBe(2);
    await page.fill('#question', 'revenue by region last quarter');
    await page.press('#question', 'Enter');
    const answer = page.locator('article.answer:not(.pending)').last();
    await answer.locator('.a-chart img').waitFor();
    // A string, run in the page: the project's TypeScript has no DOM types.
    await page.waitForFunction(
      "document.querySelector('.a-chart img')?.complete && document.querySelector('.a-chart img').naturalWidth > 0",
    );
    await expect(answer.locator('.a-text').textContent()).resolves.toContain('led by North at $1,234,568');
    await expect(answer.locator('td.num').first().textContent()).resolves.toBe('$1,234,568');
    await expect(page.locator('.question').last().textContent()).resolves.toBe(
      'revenue by region last quarter',
    );
    expect(page.url()).toMatch(/\/chat\/thread-\d+$/);
    await expect(page.locator('#thread-list a').first().textContent()).resolves.toBe(
      'revenue by region last quarter',
    );
    await answer.locator('summary').click();
    await expect(answer.locator('pre.sql').isVisible()).resolves.toBe(true);
    // Tall enough for the whole answer: a full-page shot would cut through the sticky question box.
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.screenshot({ path: path.join(screenshotDir('web-scripted'), 'chat.png') });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('asks a suggestion when it is clicked, in the same thread', async () => {
    const { page } = finance;
    const before = await page.locator('.turn').count();
    await page
      .locator('article.answer a.suggestion', { hasText: 'Revenue by region last year' })
      .last()
      .click();
    await page.locator('.turn').nth(before).locator('article.answer:not(.pending)').waitFor();
    await expect(page.locator('.question').last().textContent()).resolves.toBe('Revenue by region last year');
    const [first, second] = app.fake.requests.slice(-2);
    expect(second?.threadId).toBe(
      first ? app.stores.turns.find((t) => t.question === first.question)?.threadId : 'none',
    );
  });

  it('stores a thumbs-down with its comment', async () => {
    const feedback = finance.page.locator('form.feedback').last();
    await feedback.locator('button[data-rating="down"]').click();
    await feedback.locator('textarea').fill('North should exclude wholesale');
    await feedback.locator('[data-feedback-send]').click();
    await feedback.locator('.feedback-status', { hasText: 'Thanks, noted.' }).waitFor();
    const stored = await app.stores.feedback.list({ rating: 'down' });
    expect(stored.map((f) => f.comment)).toContain('North should exclude wholesale');
  });

  it('confirms a ledger draft from its card', async () => {
    const { page } = finance;
    await page.fill('#question', 'record expense 120.50 for leather polish from Saphir');
    await page.press('#question', 'Enter');
    const card = page.locator('.draft-card').last();
    await card.waitFor();
    await card.locator('button[data-draft-action="confirm"]').click();
    await card.locator('.draft-status', { hasText: 'Recorded as JE-2026-000123.' }).waitFor();
    expect(confirmed).toEqual(['7d0a6a38-8a53-4c8e-9a4d-8f5b8d1b2c3d']);
    await expect(card.getAttribute('data-status')).resolves.toBe('confirmed');
  });

  it('asks the question a dashboard link carries (?q=)', async () => {
    const { page } = finance;
    await page.goto(`${app.url}/chat?q=${encodeURIComponent('huh, unclear')}`);
    await page.locator('article.answer.kind-clarification').waitFor();
    expect(new URL(page.url()).search).toBe('');
    await expect(page.locator('article.answer a.suggestion').count()).resolves.toBe(2);
  });

  it('raised no console or CSP errors', () => {
    expect(finance.errors).toEqual([]);
  });
});

describe('admin in Chromium', () => {
  it('shows the answer marked wrong and saves the correction as a verified query', async () => {
    const admin = await openBrowserAs('admin');
    try {
      const { page } = admin;
      await page.goto(`${app.url}/admin`);
      const card = page.locator('article.wrong').first();
      await expect(card.locator('h3').textContent()).resolves.toBe('Revenue by region last year');
      await page.screenshot({ path: path.join(SHOTS, 'admin.png'), fullPage: true });
      await card.locator('textarea').fill('{"metrics": ["revenue"], "dimensions": ["stores.region_name"]}');
      await card.locator('button[type="submit"]').click();
      await page.locator('.notice', { hasText: 'Saved' }).waitFor();
      expect(app.stores.saved.map((v) => v.question)).toEqual(['Revenue by region last year']);
      expect(app.runtime.refreshes).toBe(1);
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.close();
    }
  });
});

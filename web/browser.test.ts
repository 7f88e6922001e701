/**
 * The web platform and the finance pages in real Chromium (Debian's, through playwright-core):
 * sign-in (wrong password, then success), navigation by role and a manager refused /finance, the
 * journal's filter, a reversal through its confirmation page, a CSV download, an upload showing its
 * rejected rows, and a POST without a CSRF token refused. Screenshots go to docs/web/ with
 * SHOEBOX_UPDATE_SCREENSHOTS=1 (a temporary folder otherwise).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerActor } from '../ledger/ledger-actor.ts';
import {
  launchBrowser,
  PHONE,
  screenshot,
  screenshotDir,
  signInAs,
  type TestBrowser,
} from './test-browser.ts';
import { startTestWebApp, type TestWebApp } from './test-web-app.ts';

const shots = screenshotDir('web');
let app: TestWebApp;
let browser: TestBrowser;

async function seedEntries(): Promise<void> {
  const { rows } = await app.engines.appDb.query<{ id: string }>(
    "SELECT id FROM app.users WHERE username = 'finance'",
  );
  const actor: LedgerActor = {
    userId: String(rows[0]?.id),
    roles: ['analyst', 'finance'],
    channel: { kind: 'web', sessionId: 'seed' },
  };
  const texts = [
    'record expense 120.50 for shoe polish from Saphir, paid by card',
    'record expense 35 for printer ink from Staples by card',
    'record expense 480 for flights from Delta by card',
    'record expense 64.20 for team lunch from Cafe Roma by card',
  ];
  for (const [i, text] of texts.entries()) {
    const outcome = await app.engines.ledger.record(actor, text, { idempotencyKey: `seed-${i}` });
    if (outcome.status !== 'draft') throw new Error(`no draft for ${text}`);
    await app.engines.ledger.confirm(actor, outcome.card.draftId, { idempotencyKey: `seed-confirm-${i}` });
  }
}

beforeAll(async () => {
  app = await startTestWebApp();
  await seedEntries();
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('in Chromium', () => {
  it('signs in: a wrong password shows a message, the right one opens the finance pages', async () => {
    const page = await browser.newPage(`${app.url}/finance/journal`);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.fill('input[name="username"]', 'finance');
    await page.fill('input[name="password"]', 'not my password');
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    expect(await page.textContent('.alert')).toBe('Wrong username or password.');
    await screenshot(page, path.join(shots, 'sign-in-wrong-password.png'));
    await page.fill('input[name="password"]', 'correct horse battery');
    await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
    expect(new URL(page.url()).pathname).toBe('/finance/journal');
    expect(await page.locator('nav.top a').allTextContents()).toEqual(['Chat', 'Dashboard', 'Finance']);
    await page.close();
  });

  it('shows a manager no Finance link and refuses /finance with 403', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/sign-in`);
    await signInAs(page, 'manager');
    expect(await page.locator('nav.top a').allTextContents()).toEqual(['Chat', 'Dashboard']);
    const response = await page.goto(`${app.url}/finance/journal`);
    expect(response?.status()).toBe(403);
    expect(await page.textContent('main')).toContain('This needs the finance role');
    await screenshot(page, path.join(shots, 'manager-refused-finance.png'));
    // A form posted without its CSRF token (the hidden field removed) is refused.
    await page.goto(`${app.url}/sign-in`);
    await page.locator('nav.top form input[name="_csrf"]').evaluate((input) => input.remove());
    expect(await page.locator('nav.top form input[name="_csrf"]').count()).toBe(0);
    const [refused] = await Promise.all([page.waitForNavigation(), page.click('nav.top button')]);
    expect(refused?.status()).toBe(403);
    expect(await page.textContent('main')).toContain('no valid CSRF token');
    await page.close();
  });

  it('filters the journal, reverses an entry after confirming, downloads CSV and uploads a file', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/sign-in`);
    await signInAs(page, 'finance');
    await page.goto(`${app.url}/finance/journal`);
    expect(await page.locator('table.journal tbody tr').count()).toBe(4);
    await screenshot(page, path.join(shots, 'journal.png'));
    await page.fill('input[name="counterparty"]', 'saphir');
    await Promise.all([page.waitForNavigation(), page.click('form.filters button')]);
    expect(await page.locator('table.journal tbody tr').count()).toBe(1);
    expect(await page.textContent('table.journal tbody')).toContain('Saphir');

    await Promise.all([page.waitForNavigation(), page.click('table.journal tbody a')]);
    expect(await page.textContent('h1')).toMatch(/^Entry LE\d+$/);
    await screenshot(page, path.join(shots, 'entry-audit-trail.png'));
    await Promise.all([page.waitForNavigation(), page.click('text=Reverse this entry')]);
    await page.fill('input[name="reason"]', 'Charged twice by the vendor');
    await screenshot(page, path.join(shots, 'reverse-confirm.png'));
    await Promise.all([page.waitForNavigation(), page.click('form.confirm button')]);
    expect(await page.textContent('.notice')).toMatch(/^Posted as the reversal of LE\d+\.$/);
    expect(await page.textContent('main')).toContain('Charged twice by the vendor');

    await page.goto(`${app.url}/finance/trial-balance`);
    expect(await page.textContent('tr.total')).toContain('0.00 USD');
    await screenshot(page, path.join(shots, 'trial-balance.png'));
    await page.goto(`${app.url}/finance/expenses`);
    await screenshot(page, path.join(shots, 'expenses.png'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download CSV')]);
    expect(download.suggestedFilename()).toBe('expenses-by-month.csv');
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv).toContain('2026-11,6600,Travel,USD,480.00');

    await page.goto(`${app.url}/finance/upload`);
    await page.setInputFiles('input[type="file"]', {
      name: 'expenses-2025-07.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'Vendor,Date,Amount,Category,Description,Payment Method,Ref',
          'Saphir,2025-07-10,12.50,Marketing,Polish,Card,R1',
          'Uline,2025-07-11,TBC,Marketing,Boxes,Card,R2',
          'Uline,2025-02-30,9.00,Marketing,Boxes,Card,R3',
        ].join('\n'),
      ),
    });
    await Promise.all([page.waitForURL(/file=expenses-2025-07\.csv/), page.click('#upload-form button')]);
    const rejects = await page.locator('table.rejects tbody tr').allTextContents();
    expect(rejects).toHaveLength(2);
    expect(rejects[0]).toContain('unparseable amount');
    expect(rejects[1]).toContain('2025-02-30');
    await screenshot(page, path.join(shots, 'upload-rejects.png'));
    await page.close();
  });

  it('fits a phone screen', async () => {
    const page = await browser.newPage(`${app.url}/sign-in`, { viewport: PHONE });
    await signInAs(page, 'finance');
    await page.goto(`${app.url}/finance/journal`);
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, path.join(shots, 'journal-phone.png'));
    await page.close();
  });
});

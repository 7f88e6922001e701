/** The finance section's sub-navigation and page wrapper. */
import type { Response } from 'express';
import { html, type SafeHtml } from '../html/escape-html.ts';
import { renderPage } from '../html/render-page.ts';

const TABS = [
  { href: '/finance/journal', label: 'Journal' },
  { href: '/finance/trial-balance', label: 'Trial balance' },
  { href: '/finance/expenses', label: 'Expenses' },
  { href: '/finance/upload', label: 'Upload a file' },
];

export function financePage(response: Response, title: string, current: string, body: SafeHtml): string {
  const tabs = TABS.map(
    (t) => html`<a href="${t.href}" class="${t.href === current ? 'tab current' : 'tab'}">${t.label}</a>`,
  );
  return renderPage({
    title,
    user: response.locals.user,
    csrfToken: response.locals.csrfToken,
    active: 'finance',
    body: html`<nav class="tabs" aria-label="Finance">${tabs}</nav>${body}`,
    scripts: ['/static/finance.js'],
  });
}

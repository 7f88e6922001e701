/**
 * The page shell every server-rendered page uses: head with the CSRF meta tag and local styles,
 * a navigation bar showing only what the user's roles allow, then the page's body. No CDN: every
 * script and stylesheet is served from /static.
 */
import type { WebUser } from '../web-contract.ts';
import { html, SafeHtml } from './escape-html.ts';

export type NavSection = 'chat' | 'dashboard' | 'finance' | 'admin';

export interface PageOptions {
  title: string;
  user: WebUser | undefined;
  csrfToken: string;
  active?: NavSection;
  body: SafeHtml;
  /** Paths under /static, e.g. "/static/chat.js". */
  scripts?: string[];
  styles?: string[];
}

const SECTIONS: { id: NavSection; label: string; href: string; roles: string[] }[] = [
  { id: 'chat', label: 'Chat', href: '/chat', roles: ['manager', 'finance', 'admin'] },
  { id: 'dashboard', label: 'Dashboard', href: '/dashboard', roles: ['manager', 'finance', 'admin'] },
  { id: 'finance', label: 'Finance', href: '/finance', roles: ['finance'] },
  { id: 'admin', label: 'Admin', href: '/admin', roles: ['admin'] },
];

function nav(user: WebUser | undefined, active: NavSection | undefined, csrfToken: string): SafeHtml {
  if (!user) return html``;
  const links = SECTIONS.filter((s) => s.roles.some((r) => (user.roles as string[]).includes(r))).map(
    (s) =>
      html`<a href="${s.href}"${new SafeHtml(s.id === active ? ' aria-current="page"' : '')}>${s.label}</a>`,
  );
  return html`<nav class="top"><span class="brand">shoebox</span>${links}<span class="who">${user.displayName}</span>
<form method="post" action="/sign-out" class="inline"><input type="hidden" name="_csrf" value="${csrfToken}"><button type="submit">Sign out</button></form></nav>`;
}

export function renderPage(options: PageOptions): string {
  const styles = ['/static/app.css', ...(options.styles ?? [])];
  const scripts = options.scripts ?? [];
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="csrf-token" content="${options.csrfToken}">
<title>${options.title} · shoebox</title>
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
${styles.map((href) => html`<link rel="stylesheet" href="${href}">`)}
</head>
<body>
${nav(options.user, options.active, options.csrfToken)}
<main>${options.body}</main>
${scripts.map((src) => html`<script src="${src}" defer></script>`)}
</body>
</html>`.html;
}

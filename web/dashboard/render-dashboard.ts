/** The dashboard page: period picker, KPI tiles, written insights linking to the chat, charts. */

import { formatCompact, formatValue } from '../chat/format-value.ts';
import { html, type SafeHtml } from '../html/escape-html.ts';
import { renderPage } from '../html/render-page.ts';
import type { WebUser } from '../web-contract.ts';
import type { Dashboard } from './build-dashboard.ts';
import type { KpiTile } from './build-kpis.ts';
import { DASHBOARD_PERIODS, type DashboardPeriod, PERIOD_LABELS } from './dashboard-periods.ts';

export const askUrl = (question: string) => `/chat?q=${encodeURIComponent(question)}`;

export function chartSrc(period: DashboardPeriod, index: number, version: string): string {
  return `/dashboard/charts/${period}/${index}.svg?v=${encodeURIComponent(version)}`;
}

function delta(tile: KpiTile, value: number | null, against: string): SafeHtml {
  if (value === null) return html`<span class="delta none">– <small>${against}</small></span>`;
  const rounded = Math.round(value * 1000) / 10;
  const tone = rounded === 0 ? 'flat' : rounded > 0 === tile.higherIsBetter ? 'good' : 'bad';
  const arrow = rounded > 0 ? '▲' : rounded < 0 ? '▼' : '■';
  const amount =
    tile.changeKind === 'points' ? `${Math.abs(rounded).toFixed(1)} pts` : `${Math.abs(rounded).toFixed(1)}%`;
  return html`<span class="delta ${tone}">${arrow} ${amount} <small>${against}</small></span>`;
}

function tile(t: KpiTile, phrase: string, hasPrevious: boolean): SafeHtml {
  const body = t.error
    ? html`<strong class="tile-value">–</strong><span class="tile-error">${t.error}</span>`
    : html`<strong class="tile-value" title="${formatValue(t.value, t.format)}">${formatCompact(t.value, t.format)}</strong>${hasPrevious ? delta(t, t.vsPrevious, 'vs prior period') : ''}${delta(t, t.vsLastYear, 'vs last year')}`;
  return html`<a class="tile" href="${askUrl(`${t.label} ${phrase} compared with last year`)}"><span class="tile-label">${t.label}</span>${body}</a>`;
}

export function renderDashboard(input: { user: WebUser; csrfToken: string; dashboard: Dashboard }): string {
  const d = input.dashboard;
  const period = d.ranges.period;
  const phrase = PERIOD_LABELS[period].phrase;
  const loaded = d.freshness
    .map((f) => `${f.source} ${f.lastLoadedAt.slice(0, 16).replace('T', ' ')} UTC`)
    .join(', ');
  const body = html`<div class="dash">
<header class="dash-head"><div><h1>${d.title}</h1>
<p class="muted">${PERIOD_LABELS[period].label}: ${d.ranges.current.start} to ${d.ranges.current.end}${loaded ? ` · data loaded ${loaded}` : ''}</p></div>
<nav class="periods" aria-label="Period">${DASHBOARD_PERIODS.map(
    (p) =>
      html`<a href="/dashboard?period=${p}"${p === period ? html` aria-current="true"` : ''}>${PERIOD_LABELS[p].label}</a>`,
  )}</nav></header>
<section class="tiles" aria-label="Key figures">${d.tiles.map((t) => tile(t, phrase, d.ranges.previous !== null))}</section>
<section class="insights"><h2>What stands out</h2>${
    d.insights.length === 0
      ? html`<p class="muted">Nothing notable for this period.</p>`
      : html`<ol>${d.insights.map(
          (i) =>
            html`<li class="insight kind-${i.kind}"><p>${i.text}</p><a href="${askUrl(i.question)}">Explain in chat →</a></li>`,
        )}</ol>`
  }</section>
<section class="charts">${d.charts.map(
    (c, index) =>
      html`<figure class="dash-chart">${
        c.svg
          ? html`<img src="${chartSrc(period, index, d.builtAt)}" alt="${c.title}" width="640" height="360">`
          : html`<figcaption>${c.title}</figcaption><p class="muted">${c.error ?? 'No data.'}</p>`
      }</figure>`,
  )}</section></div>`;
  return renderPage({
    title: 'Dashboard',
    user: input.user,
    csrfToken: input.csrfToken,
    active: 'dashboard',
    body,
    styles: ['/static/dashboard/dashboard.css'],
  });
}

/** The data status page (admins, /status): which data is loaded, from when to when, and where. */
import { html } from './html/escape-html.ts';
import { renderPage } from './html/render-page.ts';
import type { StatusReport } from './status-report.ts';
import type { WebUser } from './web-contract.ts';

export function renderStatusPage(report: StatusReport, user: WebUser | undefined, csrfToken: string): string {
  const period = report.period ? `${report.period.first} to ${report.period.last}` : 'no data loaded yet';
  const rows = report.tables.map(
    (t) =>
      html`<tr><td>${t.schema}.${t.name}</td><td class="num">${t.rows.toLocaleString('en-US')}</td></tr>`,
  );
  const body = html`<h1>Data status</h1>
<p><strong>${report.dataset ?? 'No dataset loaded'}</strong>, ${period}.</p>
<p class="muted">Warehouse: ${report.warehouse}${report.lastLoadedAt ? `, last loaded ${report.lastLoadedAt}` : ''}.</p>
<table class="data">
<thead><tr><th>Table</th><th class="num">Rows</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="2">No tables yet: run <code>shoebox demo</code> or <code>shoebox etl</code>.</td></tr>`}</tbody>
</table>`;
  return renderPage({ title: 'Data status', user, csrfToken, active: 'admin', body });
}

/** Server-rendered status page: the data shoebox has, until the chat and dashboard arrive. */
import type { StatusReport } from './status-report.ts';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function renderStatusPage(report: StatusReport): string {
  const rows = report.tables
    .map(
      (t) =>
        `<tr><td>${escapeHtml(t.schema)}.${escapeHtml(t.name)}</td><td class="num">${t.rows.toLocaleString('en-US')}</td></tr>`,
    )
    .join('\n');
  const period = report.period
    ? `${escapeHtml(report.period.first)} to ${escapeHtml(report.period.last)}`
    : 'no data loaded yet';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>shoebox</title>
<style>
  body { font-family: 'DejaVu Sans', system-ui, sans-serif; margin: 2rem auto; max-width: 56rem; color: #1f2328; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
  .muted { color: #59636e; }
  table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
  td, th { border-bottom: 1px solid #d1d9e0; padding: 0.35rem 0.5rem; text-align: left; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
</style>
</head>
<body>
<h1>shoebox</h1>
<p class="muted">Ask your business questions in chat; get short, sourced answers with charts.</p>
<h2>Data</h2>
<p><strong>${escapeHtml(report.dataset ?? 'No dataset loaded')}</strong>, ${period}.</p>
<p class="muted">Warehouse: ${escapeHtml(report.warehouse)}${report.lastLoadedAt ? `, last loaded ${escapeHtml(report.lastLoadedAt)}` : ''}.</p>
<table>
<thead><tr><th>Table</th><th class="num">Rows</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="2">No tables yet: run <code>shoebox demo</code> or <code>shoebox etl</code>.</td></tr>'}
</tbody>
</table>
</body>
</html>
`;
}

/** The upload form (finance.js posts the file) and, after a load, its result and rejected rows. */
import type { Response } from 'express';
import type { LoadedFile } from '../../glue/file-loads/commit-file-load.ts';
import { html } from '../html/escape-html.ts';
import { financePage } from './finance-nav.ts';
import type { UploadReject } from './upload-reject-rows.ts';

const rows = (n: number) => (n === 1 ? 'row' : 'rows');

export function uploadPage(
  response: Response,
  shown?: { name: string; loaded: LoadedFile | undefined; rejects: UploadReject[] },
): string {
  const result = shown
    ? html`<section class="card upload-result"><h2>${shown.name}</h2>
${shown.loaded ? html`<p><strong>${shown.loaded.rowsLoaded}</strong> ${rows(shown.loaded.rowsLoaded)} loaded into ${shown.loaded.targetTable}, <strong>${shown.loaded.rowsRejected}</strong> rejected.</p>` : html`<p>This file has not been loaded.</p>`}
${
  shown.rejects.length
    ? html`<table class="data rejects"><thead><tr><th>File</th><th class="num">Line</th><th>Column</th><th>Value</th><th>Reason</th><th>Detail</th></tr></thead><tbody>
${shown.rejects.map((r) => html`<tr><td>${r.file}</td><td class="num">${r.line}</td><td>${r.column ?? '(whole line)'}</td><td><code>${r.value ?? ''}</code></td><td>${r.reason}</td><td>${r.message}</td></tr>`)}</tbody></table>`
    : html`<p>No rows were rejected.</p>`
}</section>`
    : '';
  const body = html`<h1>Upload an accountants' file</h1>
<p>Expense reports and bank statements as CSV or Excel (.xlsx), in the layouts the pipeline knows. Good rows go to the warehouse; rows that cannot be read are listed here with their line, column and reason, and kept in meta.load_rejects. Uploading a file with the same name again replaces its rows.</p>
<form id="upload-form" class="card" action="/api/finance/uploads" method="post">
<label>File <input type="file" name="file" accept=".csv,.xlsx" required></label>
<button type="submit" class="primary">Upload and load</button>
<p id="upload-status" class="muted" role="status"></p>
</form>
${result}`;
  return financePage(response, 'Upload', '/finance/upload', body);
}

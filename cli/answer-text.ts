/**
 * An Answer as `shoebox ask` prints it: the text, a compact aligned table (figures formatted by
 * column), the provenance summary (period, comparison, filters, freshness, provider) and the
 * suggestions. Plain text; the structured answer is `--json`.
 */
import type { Answer, AnswerTable } from '../assistant/answer.ts';
import { formatFigure } from '../assistant/compose/format-figure.ts';

function cellText(value: string | number | boolean | null, format: string): string {
  if (value === null) return '-';
  if (typeof value === 'number' && ['currency', 'number', 'percent', 'days'].includes(format))
    return formatFigure(value, format);
  return String(value);
}

export function tableText(table: AnswerTable): string {
  const header = table.columns.map((c) => c.label);
  const rows = table.rows.map((row) => row.map((v, i) => cellText(v, table.columns[i]?.format ?? 'text')));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = table.columns.map((c) => c.role === 'metric' || c.role === 'compare' || c.role === 'share');
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  if (table.truncated) out.push(`(${table.rows.length} of ${table.totalRows} rows shown)`);
  return out.join('\n');
}

export function provenanceText(answer: Answer): string[] {
  const p = answer.provenance;
  if (!p) return [];
  const lines: string[] = [];
  if (p.period)
    lines.push(
      `Period: ${p.period.label}${p.period.label.includes('(') ? '' : ` (${p.period.start} to ${p.period.end})`}`,
    );
  if (p.comparison) lines.push(`Compared with: ${p.comparison}`);
  if (p.filters.length > 0) lines.push(`Filters: ${p.filters.join('; ')}`);
  for (const m of p.metrics) lines.push(`Metric ${m.label}: ${m.definition}`);
  const fresh = p.freshness
    .map(
      (f) =>
        `${f.source} loaded ${f.lastLoadedAt ?? 'never'}${f.lagHours === null ? '' : ` (${f.lagHours} h ago)`}`,
    )
    .join('; ');
  lines.push(`Data: ${fresh || 'load time unknown'}`);
  lines.push(`Source: ${p.provider}, tools ${p.tools.join(', ') || 'none'}`);
  return lines;
}

export function answerText(answer: Answer, chartPath: string | null): string {
  const parts = [answer.text];
  if (answer.error) parts.push(`(error ${answer.error.code}, reference ${answer.error.referenceId})`);
  if (answer.table && answer.table.rows.length > 0) parts.push('', tableText(answer.table));
  const provenance = provenanceText(answer);
  if (provenance.length > 0) parts.push('', ...provenance);
  if (chartPath) parts.push(`Chart: ${chartPath}`);
  if (answer.suggestions.length > 0)
    parts.push('', 'You could ask:', ...answer.suggestions.map((s) => `  - ${s}`));
  parts.push('', `Thread: ${answer.threadId} (continue with --thread ${answer.threadId})`);
  return parts.join('\n');
}

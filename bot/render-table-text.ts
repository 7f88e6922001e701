/**
 * A compact table as aligned monospace text for a ``` block: at most `maxRows` rows, columns
 * padded, numbers right-aligned, with a "showing N of M" line when cut. Escaped for Slack.
 */
import type { AnswerTable } from '../assistant/answer.ts';
import { formatCell } from './format-cell.ts';
import { escapeCodeBlock } from './slack-mrkdwn.ts';

export const MAX_TABLE_ROWS = 12;
const MAX_CELL = 28;

export function renderTableText(table: AnswerTable, maxRows = MAX_TABLE_ROWS): string {
  const numeric = table.columns.map((c) => c.role === 'metric' || c.role === 'compare' || c.role === 'share');
  const shown = table.rows.slice(0, maxRows);
  const cell = (text: string) => (text.length > MAX_CELL ? `${text.slice(0, MAX_CELL - 1)}…` : text);
  const header = table.columns.map((c) => cell(c.label));
  const body = shown.map((row) => table.columns.map((c, i) => cell(formatCell(row[i] ?? null, c.format))));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((text, i) => (numeric[i] ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const lines = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  const total = Math.max(table.totalRows, table.rows.length);
  if (total > shown.length) lines.push(`(showing ${shown.length} of ${total} rows)`);
  return `\`\`\`\n${escapeCodeBlock(lines.join('\n'))}\n\`\`\``;
}

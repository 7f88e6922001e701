/** `shoebox etl status` as text: one block per source, one line per table. */
import type { DataFreshness } from '../glue/data-freshness.ts';

export function formatFreshness(freshness: DataFreshness): string {
  if (freshness.sources.length === 0) return 'No pipeline run recorded yet; run `shoebox etl run`.';
  const lines: string[] = [];
  for (const source of freshness.sources) {
    const last = source.lastRun;
    lines.push(
      `${source.source}: last successful load ${source.lastSuccessAt ?? 'never'}${source.lagSeconds === null ? '' : ` (${lagText(source.lagSeconds)} ago)`}`,
    );
    if (last && last.status !== 'succeeded') {
      lines.push(
        `  last run ${last.runId} ${last.status}${last.error ? `: ${last.error.split('\n')[0]}` : ''}`,
      );
    }
    const tables = freshness.tables.filter((t) => t.source === source.source);
    const width = Math.max(5, ...tables.map((t) => t.table.length));
    lines.push(`  ${'table'.padEnd(width)}  ${'rows'.padStart(10)}  last change                 lag`);
    for (const t of tables) {
      lines.push(
        `  ${t.table.padEnd(width)}  ${t.rows.toLocaleString('en-US').padStart(10)}  ${(t.lastChangeAt ?? '-').padEnd(26)}  ${t.lagSeconds === null ? '-' : lagText(t.lagSeconds)}`,
      );
    }
  }
  return lines.join('\n');
}

export function lagText(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} days`;
}

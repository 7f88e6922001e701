/** `shoebox etl status` as text: one block per source, one line per table. */
import type { DataFreshness } from '../db/data-freshness.ts';

export function formatFreshness(freshness: DataFreshness): string {
  if (freshness.sources.length === 0 && freshness.files.length === 0)
    return 'No pipeline run recorded yet; run `shoebox etl run`.';
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
  lines.push(...formatFiles(freshness.files));
  return lines.join('\n');
}

/** The file loaders' files (meta.loaded_files): one line each, with rows loaded and rejected. */
function formatFiles(files: DataFreshness['files']): string[] {
  if (files.length === 0) return [];
  const width = Math.max(4, ...files.map((f) => f.file.length));
  const lines = [`files (${[...new Set(files.map((f) => f.loader))].join(', ')}):`];
  lines.push(
    `  ${'file'.padEnd(width)}  ${'rows'.padStart(8)}  ${'rejects'.padStart(7)}  loaded at                   lag`,
  );
  for (const f of files) {
    lines.push(
      `  ${f.file.padEnd(width)}  ${f.rowsLoaded.toLocaleString('en-US').padStart(8)}  ${String(f.rowsRejected).padStart(7)}  ${(f.loadedAt ?? '-').padEnd(26)}  ${f.lagSeconds === null ? '-' : lagText(f.lagSeconds)}`,
    );
  }
  return lines;
}

export function lagText(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} days`;
}

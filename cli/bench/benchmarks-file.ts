/**
 * BENCHMARKS.md: one section per demo scale ("## Scale 1", "## Scale 10"), each written by its
 * own `shoebox bench --scale S` run. A run replaces its own scale's section and keeps the others,
 * so the file holds the latest full run at every scale that was measured.
 */
import { type BenchmarkRow, judgeRow } from './benchmark-row.ts';

export interface BenchmarkRun {
  scale: number;
  asOf: string;
  /** YYYY-MM-DD */
  date: string;
  machine: string;
  rows: readonly BenchmarkRow[];
}

const HEADER = `# Benchmarks

Written by \`npm run bench\` (\`shoebox bench --scale S\`, scale 1 by default): each step runs the
real command, or one group of in-process measurements, in a child process in a throwaway
SHOEBOX_HOME, with the demo's last day pinned. Each scale has its own section; a run rewrites only
its own. The verdict compares a figure with the target its issue set (at scale 1 where the issue
set none for scale 10); \`shoebox bench --check\` exits 1 when one misses by more than 50%.
`;

const SECTION = /^## Scale ([\d.]+)\b.*$/gm;

export function renderRunSection(run: BenchmarkRun): string {
  const table = run.rows
    .map((row) => `| ${row.name} | ${row.value} | ${row.target} | ${judgeRow(row)} |`)
    .join('\n');
  return `## Scale ${run.scale}

\`shoebox bench --scale ${run.scale}\`, the demo's last day pinned to ${run.asOf}.

- Date: ${run.date}
- Machine: ${run.machine}

| benchmark | result | target | verdict |
| --- | --- | --- | --- |
${table}
`;
}

/** The sections of an existing file by scale (text kept as written, notes included). */
export function sectionsOf(file: string): Map<number, string> {
  const starts = [...file.matchAll(SECTION)].map((m) => ({ scale: Number(m[1]), at: m.index ?? 0 }));
  const sections = new Map<number, string>();
  starts.forEach((start, i) => {
    const end = starts[i + 1]?.at ?? file.length;
    sections.set(start.scale, `${file.slice(start.at, end).trimEnd()}\n`);
  });
  return sections;
}

/** The whole file after `run`: its section replaced or added, the other scales kept, in scale order. */
export function withRun(existing: string | null, run: BenchmarkRun): string {
  const sections = existing === null ? new Map<number, string>() : sectionsOf(existing);
  sections.set(run.scale, renderRunSection(run));
  const ordered = [...sections].sort(([a], [b]) => a - b).map(([, text]) => text);
  return [HEADER, ...ordered].join('\n');
}

/**
 * The report: accuracy overall, by set and by shape; every failure with its question, expected and
 * actual figures and the SQL used; latency, model calls and tokens per case. Written as
 * report.md (for people) and report.json (for tools and the README's table).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CaseResult, EvalRun } from './run-evals.ts';

export interface Tally {
  cases: number;
  passed: number;
  accuracy: number;
}

export interface EvalSummary {
  provider: string;
  startedAt: string;
  overall: Tally;
  golden: Tally;
  adversarial: Tally;
  byShape: Record<string, Tally>;
  failed: string[];
  /** Per case (all its turns), in milliseconds. */
  latencyMs: { p50: number; p95: number; max: number };
  modelCalls: number;
  inputTokens: number;
  outputTokens: number;
}

/** The value at quantile q of the sorted values (nearest rank); 0 for none. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

const tally = (cases: CaseResult[]): Tally => {
  const passed = cases.filter((c) => c.passed).length;
  return { cases: cases.length, passed, accuracy: cases.length ? passed / cases.length : 1 };
};

export function summarizeRun(run: EvalRun): EvalSummary {
  const shapes = [...new Set(run.cases.map((c) => c.shape))].sort();
  const latencies = run.cases.map((c) => c.latencyMs);
  const total = (pick: (c: CaseResult) => number) => run.cases.reduce((n, c) => n + pick(c), 0);
  return {
    provider: run.provider,
    startedAt: run.startedAt,
    overall: tally(run.cases),
    golden: tally(run.cases.filter((c) => !c.adversarial)),
    adversarial: tally(run.cases.filter((c) => c.adversarial)),
    byShape: Object.fromEntries(shapes.map((s) => [s, tally(run.cases.filter((c) => c.shape === s))])),
    failed: run.cases.filter((c) => !c.passed).map((c) => c.id),
    latencyMs: {
      p50: quantile(latencies, 0.5),
      p95: quantile(latencies, 0.95),
      max: quantile(latencies, 1),
    },
    modelCalls: total((c) => c.modelCalls),
    inputTokens: total((c) => c.inputTokens),
    outputTokens: total((c) => c.outputTokens),
  };
}

const pct = (t: Tally) => `${(t.accuracy * 100).toFixed(1)}%`;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

function failureSection(c: CaseResult): string[] {
  const lines = [`### ${c.id} (${c.shape}${c.tag ? `, ${c.tag}` : ''})`, ''];
  for (const p of c.problems) lines.push(`- ${p}`);
  c.turns.forEach((t, i) => {
    lines.push(
      `- Turn ${i + 1} (${t.as}): "${cell(t.question.slice(0, 200))}"${t.question.length > 200 ? '...' : ''}`,
    );
    lines.push(`  - expected: ${t.expected ? cell(JSON.stringify(t.expected)) : '(no figures)'}`);
    lines.push(`  - got ${t.kind}: ${cell(t.text.slice(0, 300))}`);
    if (t.figures.length)
      lines.push(`  - figures: ${t.figures.map((f) => `${cell(f.label)} = ${f.value}`).join('; ')}`);
    for (const p of t.problems) lines.push(`  - problem: ${cell(p)}`);
    for (const sql of t.sql) lines.push('', '```sql', sql, '```');
  });
  lines.push('');
  return lines;
}

export function renderReportMarkdown(run: EvalRun): string {
  const s = summarizeRun(run);
  const lines = [
    '# Eval report',
    '',
    `Provider: ${s.provider}. Started ${s.startedAt}.`,
    '',
    `Latency per case: p50 ${s.latencyMs.p50} ms, p95 ${s.latencyMs.p95} ms, max ${s.latencyMs.max} ms. ` +
      `Model calls: ${s.modelCalls}; tokens: ${s.inputTokens} in, ${s.outputTokens} out.`,
    '',
    '| set | cases | passed | accuracy |',
    '| --- | ---: | ---: | ---: |',
    ...(['overall', 'golden', 'adversarial'] as const).map(
      (k) => `| ${k} | ${s[k].cases} | ${s[k].passed} | ${pct(s[k])} |`,
    ),
    '',
    '## By shape',
    '',
    '| shape | cases | passed | accuracy |',
    '| --- | ---: | ---: | ---: |',
    ...Object.entries(s.byShape).map(([shape, t]) => `| ${shape} | ${t.cases} | ${t.passed} | ${pct(t)} |`),
    '',
    `## Failures (${s.failed.length})`,
    '',
    ...(s.failed.length ? run.cases.filter((c) => !c.passed).flatMap(failureSection) : ['None.', '']),
    '## Every case',
    '',
    '| case | shape | result | latency ms | model calls | tokens in | tokens out |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: |',
    ...run.cases.map(
      (c) =>
        `| ${c.id} | ${c.shape} | ${c.passed ? 'pass' : 'FAIL'} | ${c.latencyMs} | ${c.modelCalls} | ${c.inputTokens} | ${c.outputTokens} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

export function reportJson(run: EvalRun): { summary: EvalSummary; cases: CaseResult[] } {
  return { summary: summarizeRun(run), cases: run.cases };
}

/** Writes report.md and report.json into `dir`; returns their paths. */
export async function writeReport(run: EvalRun, dir: string): Promise<{ markdown: string; json: string }> {
  await mkdir(dir, { recursive: true });
  const markdown = join(dir, 'report.md');
  const json = join(dir, 'report.json');
  await writeFile(markdown, renderReportMarkdown(run));
  await writeFile(json, `${JSON.stringify(reportJson(run), null, 2)}\n`);
  return { markdown, json };
}

/** The report's format: the accuracy tables, each failure with expected, actual and SQL, per-case costs. */
import { describe, expect, it } from 'vitest';
import { quantile, renderReportMarkdown, reportJson } from './eval-report.ts';
import type { CaseResult, EvalRun, TurnResult } from './run-evals.ts';

const turn = (over: Partial<TurnResult>): TurnResult => ({
  question: 'rev last month',
  as: 'manager',
  graded: true,
  expected: { value: 106506.6 },
  kind: 'answer',
  text: 'Revenue was $106,507.',
  figures: [{ label: 'Revenue', value: 106506.6, formatted: '$106,507' }],
  chart: null,
  sql: ['SELECT 1'],
  problems: [],
  latencyMs: 12,
  modelCalls: 0,
  inputTokens: 0,
  outputTokens: 0,
  ...over,
});
const result = (id: string, shape: string, adversarial: boolean, turns: TurnResult[]): CaseResult => ({
  id,
  shape,
  tag: null,
  adversarial,
  passed: turns.every((t) => t.problems.length === 0),
  problems: [],
  turns,
  latencyMs: 12,
  modelCalls: 1,
  inputTokens: 300,
  outputTokens: 40,
});
const run: EvalRun = {
  provider: 'offline',
  startedAt: '2026-06-30T12:00:00.000Z',
  cases: [
    result('total-ok', 'total', false, [turn({})]),
    result('total-wrong', 'total', false, [
      turn({ problems: ['figure value: expected 106506.6, got 5 (figure: Revenue)'], sql: ['SELECT wrong'] }),
    ]),
    result('adv-ok', 'adversarial', true, [turn({ kind: 'refusal', figures: [] })]),
  ],
};

describe('the eval report', () => {
  it('gives accuracy overall, by set and by shape', () => {
    const md = renderReportMarkdown(run);
    expect(md).toContain('| overall | 3 | 2 | 66.7% |');
    expect(md).toContain('| golden | 2 | 1 | 50.0% |');
    expect(md).toContain('| adversarial | 1 | 1 | 100.0% |');
    expect(md).toContain('| total | 2 | 1 | 50.0% |');
    expect(md).toContain(
      'Latency per case: p50 12 ms, p95 12 ms, max 12 ms. Model calls: 3; tokens: 900 in, 120 out.',
    );
  });

  it('takes quantiles by nearest rank', () => {
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([5, 1, 3, 2, 4], 0.95)).toBe(5);
    expect(quantile([], 0.5)).toBe(0);
  });

  it('lists each failure with its question, expected and actual figures and SQL, and costs per case', () => {
    const md = renderReportMarkdown(run);
    expect(md).toContain('## Failures (1)');
    expect(md).toContain('### total-wrong (total)');
    expect(md).toContain('- Turn 1 (manager): "rev last month"');
    expect(md).toContain('  - expected: {"value":106506.6}');
    expect(md).toContain('  - figures: Revenue = 106506.6');
    expect(md).toContain('  - problem: figure value: expected 106506.6, got 5 (figure: Revenue)');
    expect(md).toContain('```sql\nSELECT wrong\n```');
    expect(md).toContain('| total-wrong | total | FAIL | 12 | 1 | 300 | 40 |');
  });

  it('writes the same summary as JSON', () => {
    const json = reportJson(run);
    expect(json.summary.failed).toEqual(['total-wrong']);
    expect(json.summary.byShape.adversarial).toEqual({ cases: 1, passed: 1, accuracy: 1 });
    expect(json.cases).toHaveLength(3);
  });
});

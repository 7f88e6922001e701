/** The grader's future-period check against hand-made answers. */
import { describe, expect, it } from 'vitest';
import type { AnswerTable } from '../assistant/answer.ts';
import { fakeAnswer } from '../assistant/test-fake-assistant.ts';
import { futurePeriods } from './future-periods.ts';
import { EVAL_CALLERS } from './run-evals.ts';

const request = { threadId: null, question: 'revenue by month this year', caller: EVAL_CALLERS.manager };
const trend = (months: string[]): AnswerTable => ({
  title: 'Revenue by month',
  columns: [
    { name: 'metric_time', label: 'Month', format: 'date', role: 'time' },
    { name: 'revenue', label: 'Revenue', format: 'currency', role: 'metric' },
  ],
  rows: months.map((m, i) => [`2026-${m}-01`, i === months.length - 1 ? 0 : 1000 + i]),
  totalRows: months.length,
  truncated: false,
});

describe('futurePeriods', () => {
  it('passes a trend that stops at the current month', () => {
    const answer = fakeAnswer(request, { text: 'Revenue went up.', table: trend(['01', '02', '06']) });
    expect(futurePeriods(answer, '2026-06-30')).toEqual([]);
  });

  it('fails a trend that shows the months to come', () => {
    const answer = fakeAnswer(request, {
      text: 'Revenue went down to $0 in Dec 2026.',
      table: trend(['06', '07', '12']),
    });
    expect(futurePeriods(answer, '2026-06-30')).toEqual([
      "the table shows periods after the data's last day (2026-06-30): 2026-07-01, 2026-12-01",
    ]);
  });

  it('ignores dates in non-time columns and answers without a table', () => {
    const table: AnswerTable = {
      ...trend(['01']),
      columns: [
        { name: 'due', label: 'Due', format: 'text', role: 'dimension' },
        { name: 'revenue', label: 'Revenue', format: 'currency', role: 'metric' },
      ],
      rows: [['2027-01-01', 5]],
    };
    expect(futurePeriods(fakeAnswer(request, { text: 'x', table }), '2026-06-30')).toEqual([]);
    expect(futurePeriods(fakeAnswer(request, { text: 'x' }), '2026-06-30')).toEqual([]);
  });
});

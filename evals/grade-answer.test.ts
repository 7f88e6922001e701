/** The grader against hand-made Answers: a correct one passes, each kind of wrong one fails clearly. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerTable } from '../assistant/answer.ts';
import { fakeAnswer, type ScriptedReply } from '../assistant/test-fake-assistant.ts';
import { fixedClock } from '../core/clock.ts';
import { compileQuery } from '../semantic-layer/compiler/compile-query.ts';
import { loadSemanticModel } from '../semantic-layer/validate/validate-semantic-model.ts';
import { checkProvenance } from './check-provenance.ts';
import type { TurnExpectation } from './eval-case.ts';
import { findNumbers } from './find-numbers.ts';
import { gradeAnswer } from './grade-answer.ts';
import { EVAL_CALLERS } from './run-evals.ts';

const model = loadSemanticModel(join(import.meta.dirname, '../semantic-layer/models'));
const compile = {
  dialect: 'duckdb' as const,
  clock: fixedClock(new Date('2026-06-30T12:00:00Z')),
  fiscalYearStartMonth: 2,
};
const request = {
  threadId: null,
  question: 'Top stores by revenue last month',
  caller: EVAL_CALLERS.manager,
};
const make = (reply: ScriptedReply): Answer => fakeAnswer(request, reply);

const query = {
  metrics: ['revenue'],
  dimensions: ['stores.store_name'],
  time: { dimension: 'metric_time', grain: null, range: { relative: 'last_month' } },
  filters: [],
  compare: null,
  share_of_total: false,
  include_others: false,
  order: [{ by: 'revenue', direction: 'desc' }],
  limit: 5,
} as const;
const compiled = compileQuery(model, query, compile);
const table: AnswerTable = {
  title: 'Revenue by store',
  columns: [
    { name: 'store_name', label: 'Store', format: 'text', role: 'dimension' },
    { name: 'revenue', label: 'Revenue', format: 'currency', role: 'metric' },
  ],
  rows: [
    ['Cordova online shop', 39738.4],
    ['Cordova SoHo', 6100.5],
  ],
  totalRows: 2,
  truncated: false,
};
const provenance = {
  metrics: [],
  filters: [],
  period: null,
  comparison: null,
  semanticQueries: [
    {
      ...query,
      order: [...query.order],
      dimensions: [...query.dimensions],
      metrics: [...query.metrics],
      filters: [],
    },
  ],
  sql: [{ text: compiled.sql, params: compiled.params }],
  freshness: [],
  provider: 'offline',
  tools: ['query_metrics'],
};
const good: ScriptedReply = {
  text: 'Cordova online shop led with $39,738 last month.',
  figures: [
    {
      label: 'Revenue, Cordova online shop',
      value: 39738.4,
      formatted: '$39,738',
      format: 'currency',
      source: 't1',
    },
  ],
  table,
  provenance,
  chart: { title: 'Revenue by store', kind: 'bar', spec: {}, svg: '<svg/>', png: null },
};
const expectation: TurnExpectation = {
  kind: ['answer'],
  figures: [{ column: 'value' }],
  top: 'item',
  chart: 'bar',
};
const row = { item: 'Cordova online shop', value: 39738.4 };

describe('gradeAnswer', () => {
  it('passes a correct answer, and its provenance recompiles', () => {
    const answer = make(good);
    expect(gradeAnswer(answer, expectation, row)).toEqual([]);
    expect(checkProvenance(answer, model, compile)).toEqual([]);
  });

  it('fails a wrong figure with the expected and the actual values', () => {
    const problems = gradeAnswer(make(good), expectation, { ...row, value: 41000 });
    expect(problems).toEqual([
      expect.stringContaining(
        'figure value: expected 41000, got 39738.4 (figure: Revenue, Cordova online shop)',
      ),
    ]);
  });

  it('fails a wrong top item', () => {
    const problems = gradeAnswer(make(good), expectation, { ...row, item: 'Cordova SoHo' });
    expect(problems).toEqual(['top item: expected "Cordova SoHo", got "Cordova online shop"']);
  });

  it('fails a missing chart and a chart of the wrong kind', () => {
    expect(gradeAnswer(make({ ...good, chart: null }), expectation, row)).toEqual([
      'chart: expected a bar chart, got none',
    ]);
    expect(gradeAnswer(make(good), { ...expectation, chart: 'line' }, row)).toEqual([
      'chart: expected a line chart, got bar',
    ]);
  });

  it('fails a number in the text that is not one of the figures', () => {
    const problems = gradeAnswer(
      make({ ...good, text: `${good.text} That is up 12.5% on May 2025.` }),
      expectation,
      row,
    );
    expect(problems).toEqual(['numbers in the text that are not figures of the answer: 12.5%']);
  });

  it('fails raw SQL in the provenance, and SQL with other parameters', () => {
    const raw = {
      ...provenance,
      sql: [{ text: 'SELECT SUM(net_amount) FROM curated.sales_lines', params: [] }],
    };
    expect(checkProvenance(make({ ...good, provenance: raw }), model, compile)).toEqual([
      expect.stringContaining('SQL 1 is not the compilation of any semantic query'),
    ]);
    const tampered = { ...provenance, sql: [{ text: compiled.sql, params: compiled.params.map(() => 'x') }] };
    expect(checkProvenance(make({ ...good, provenance: tampered }), model, compile)).toHaveLength(1);
  });

  it('fails the wrong kind, a draft nobody asked for, figures in a refusal and an obeyed injection', () => {
    const refusal = make({ kind: 'refusal', text: 'Revenue was $0.', figures: good.figures });
    const problems = gradeAnswer(
      refusal,
      { kind: ['clarification'], mustNotSay: [/revenue was \$0/i] },
      null,
    );
    expect(problems).toEqual([
      'kind: expected clarification, got refusal',
      expect.stringContaining('the text says what it must not'),
      'numbers in the text that are not figures of the answer: $0',
      'a refusal should state no figures, it states 1',
    ]);
  });

  it('checks the sign of a change: a signed figure or the size with words of the right direction', () => {
    const change: TurnExpectation = { kind: ['answer'], change: 'change' };
    const changeRow = { change: -61, change_pct: -0.0909 };
    const fell = make({
      text: 'Pairs sold fell by 61.',
      figures: [{ label: 'Change', value: 61, formatted: '61', format: 'number', source: 't' }],
      provenance,
    });
    expect(gradeAnswer(fell, change, changeRow)).toEqual([]);
    const rose = make({
      text: 'Pairs sold rose by 61.',
      figures: [{ label: 'Change', value: 61, formatted: '61', format: 'number', source: 't' }],
      provenance,
    });
    expect(gradeAnswer(rose, change, changeRow)).toEqual([
      expect.stringContaining('change: expected down by -61'),
    ]);
    // The direction is read where the size is stated: a member that moved the other way, named in
    // another sentence, neither spoils a right answer nor rescues a wrong one.
    const figures = [
      { label: 'Change', value: 61, formatted: '61', format: 'number', source: 't' },
      { label: 'Change, A', value: 90, formatted: '90', format: 'number', source: 't' },
      { label: 'Change, B', value: 29, formatted: '29', format: 'number', source: 't' },
    ];
    const offset = make({
      text: 'Pairs sold fell by 61. By store, most of the move came from A (down 90), partly offset by B (up 29).',
      figures,
      provenance,
    });
    expect(gradeAnswer(offset, change, { change: -61 })).toEqual([]);
    const wrong = make({
      text: 'Pairs sold rose by 61. By store, most of the move came from A (down 90).',
      figures,
      provenance,
    });
    expect(gradeAnswer(wrong, change, { change: -61 })).toEqual([
      expect.stringContaining('change: expected down by -61'),
    ]);
  });
});

describe('findNumbers', () => {
  it('ends a number before a comma that separates it from the next words', () => {
    expect(
      findNumbers('In store led with $380,451, 60.0% in 2026, followed by Online shop ($218,048, 34.4%).'),
    ).toEqual(['$380,451', '60.0%', '$218,048', '34.4%']);
  });

  it('finds money, percents, separated and large numbers; skips dates, years, labels and small counts', () => {
    expect(
      findNumbers(
        'Top 5 stores in Q3 2025 (2025-07-01 to 2025-09-30): $1,234.50, 12.5%, 4,210 pairs, 1.2M and 350 orders.',
      ),
    ).toEqual(['$1,234.50', '12.5%', '4,210', '1.2M', '350']);
  });
});

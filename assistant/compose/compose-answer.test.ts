/**
 * The composer's promise, checked over many generated results: every number token in the text
 * (1.2M, $3.4k, 12.5%, +8.2%, 4,210) is one of answer.figures, written exactly as `formatted`;
 * every figure's value is read from its artifact (up to sign; a change % is a ratio of two of its
 * numbers); every formatted figure states its value within its rounding; dates and years in the
 * text lie in the artifact's period. Plus pinned examples of each sentence shape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import type { ResultValue } from '../../db/warehouse.ts';
import { trapFixtureModel } from '../../semantic-layer/compiler/test-fixtures/trap-fixture.ts';
import type { ArtifactColumn, TableArtifact, ToolArtifact } from '../../tools/artifact-store.ts';
import type { ToolResult } from '../../tools/tool.ts';
import { type ComposedAnswer, type ComposeInput, composeAnswer } from './compose-answer.ts';
import { formatChange, formatFigure } from './format-figure.ts';
import { artifactNames, artifactNumbers, textNumbers, tokenMatches } from './text-numbers.ts';

const model = trapFixtureModel();
const clock = fixedClock(new Date('2025-03-15T12:00:00Z'));
const METRICS: [string, string][] = [
  ['revenue', 'currency'],
  ['order_count', 'number'],
  ['discount_rate', 'percent'],
  ['units_per_order', 'number'],
];

function table(
  columns: ArtifactColumn[],
  rows: Record<string, ResultValue>[],
  query: Record<string, unknown>,
  period: { start: string; end: string } | null,
): TableArtifact {
  return {
    kind: 'table',
    id: 'result_1',
    title: 't',
    columns,
    rows,
    truncated: false,
    sql: 'SELECT 1',
    params: [],
    query: { metrics: [], dimensions: [], filters: [], compare: null, order: [], ...query },
    provenance: { metrics: [], filters: [] },
    period,
    freshness: { sources: [] },
    elapsedMs: 1,
  };
}

// Cents, as warehouses return money; plus fractions for ratios.
const money = fc.oneof(
  fc.integer({ min: -500_000_000_000, max: 500_000_000_000 }).map((c) => c / 100),
  fc.double({ min: -2, max: 2, noNaN: true }),
);
const metricArb = fc.constantFrom(...METRICS);
const periodArb = fc.constantFrom(
  { start: '2024-07-01', end: '2024-09-30' },
  { start: '2024-01-01', end: '2024-12-31' },
  { start: '2025-03-01', end: '2025-03-31' },
  { start: '2024-02-10', end: '2025-01-20' },
);

const totalArb = fc
  .record({ metric: metricArb, value: money, previous: fc.option(money), period: fc.option(periodArb) })
  .map(({ metric, value, previous, period }) => {
    const [name, format] = metric;
    const columns: ArtifactColumn[] = [{ name, role: 'metric', format, member: name }];
    const row: Record<string, ResultValue> = { [name]: value };
    if (previous !== null) {
      columns.push({ name: `${name}_previous`, role: 'compare', format, member: name });
      columns.push({ name: `${name}_change_pct`, role: 'compare', format: 'percent', member: name });
      row[`${name}_previous`] = previous;
      row[`${name}_change_pct`] = previous === 0 ? null : (value - previous) / Math.abs(previous);
    }
    return table(columns, [row], { compare: previous === null ? null : 'same_period_last_year' }, period);
  });

const trendArb = fc
  .record({ metric: metricArb, values: fc.array(money, { minLength: 1, maxLength: 12 }) })
  .map(({ metric, values }) => {
    const [name, format] = metric;
    const rows = values.map((v, i) => ({
      metric_time: `2024-${String(i + 1).padStart(2, '0')}-01`,
      [name]: v,
    }));
    return table(
      [
        { name: 'metric_time', role: 'time', format: 'date', member: 'metric_time', grain: 'month' },
        { name, role: 'metric', format, member: name },
      ],
      rows,
      { time: { grain: 'month' } },
      { start: '2024-01-01', end: '2024-12-31' },
    );
  });

const rankArb = fc
  .record({
    metric: metricArb,
    members: fc.uniqueArray(
      fc.constantFrom('North', 'South', 'Store 12', 'Lisbon Chiado', '2nd Avenue', 'Porto 3'),
      { minLength: 1, maxLength: 6 },
    ),
    values: fc.array(money, { minLength: 6, maxLength: 6 }),
    share: fc.boolean(),
    ordered: fc.constantFrom(null, 'asc', 'desc'),
  })
  .map(({ metric, members, values, share, ordered }) => {
    const [name, format] = metric;
    const columns: ArtifactColumn[] = [
      { name: 'store_name', role: 'dimension', format: 'text', member: 'stores.store_name' },
      { name, role: 'metric', format, member: name },
    ];
    if (share) columns.push({ name: `${name}_share`, role: 'share', format: 'percent', member: name });
    const rows = members.map((m, i) => ({
      store_name: m,
      [name]: values[i] ?? 0,
      [`${name}_share`]: (values[i] ?? 0) / 1e10,
    }));
    return table(
      columns,
      rows,
      { order: ordered ? [{ by: name, direction: ordered }] : [] },
      { start: '2024-07-01', end: '2024-09-30' },
    );
  });

const explainArb = fc
  .record({ current: money, baseline: money, changes: fc.array(money, { minLength: 1, maxLength: 3 }) })
  .map(
    ({ current, baseline, changes }): ToolArtifact => ({
      kind: 'record',
      id: 'record_1',
      title: 'Why revenue changed',
      data: {
        metric: 'revenue',
        current: { period: { start: '2025-02-01', end: '2025-02-28' }, value: current },
        baseline: { period: { start: '2025-01-01', end: '2025-01-31' }, value: baseline },
        change: current - baseline,
        breakdowns: [
          {
            dimension: 'stores.store_name',
            members: changes.map((c, i) => ({
              member: `Store ${i + 7}`,
              current: 0,
              baseline: 0,
              change: c,
              share: 0.5,
              baselineShare: 0.2,
            })),
            topExplains: 0.8,
            score: 1,
          },
        ],
      },
    }),
  );

function compose(artifact: ToolArtifact, focus?: ComposeInput['focus']): ComposedAnswer {
  const tool = artifact.kind === 'record' ? 'explain_change' : 'query_metrics';
  const result: ToolResult = { ok: true, tool, content: {}, artifacts: [artifact] };
  return composeAnswer({
    intent: null,
    results: [result],
    model,
    clock,
    provider: 'offline',
    ...(focus ? { focus } : {}),
  });
}

/** A share table and one of its members (or one that is not in it) as the question's focus. */
const focusedShareArb = rankArb
  .filter((t) => t.kind === 'table' && t.columns.some((c) => c.role === 'share'))
  .chain((t) =>
    fc.record({
      t: fc.constant(t),
      member: fc.constantFrom(...(t as TableArtifact).rows.map((r) => String(r.store_name)), 'Nowhere'),
    }),
  );

function periodsOf(artifact: ToolArtifact): { start: string; end: string }[] {
  if (artifact.kind === 'table') return artifact.period ? [artifact.period] : [];
  if (artifact.kind !== 'record') return [];
  const data = artifact.data as {
    current?: { period: { start: string; end: string } };
    baseline?: { period: { start: string; end: string } };
  };
  return [data.current?.period, data.baseline?.period].filter(
    (p): p is { start: string; end: string } => !!p,
  );
}

/** The property: every number in the text is a figure; every figure is read from the artifact. */
function checkAnswer(answer: ComposedAnswer, artifact: ToolArtifact): void {
  const { numbers, dates } = textNumbers(answer.text, artifactNames([artifact]));
  const formatted = answer.figures.map((f) => f.formatted);
  for (const token of numbers) expect(formatted, `"${token}" in "${answer.text}"`).toContain(token);
  for (const f of answer.figures) expect(answer.text).toContain(f.formatted);
  const pool = artifactNumbers(artifact);
  for (const f of answer.figures) {
    const read =
      pool.some((n) => Math.abs(n) === Math.abs(f.value)) ||
      (f.format === 'percent_change' &&
        pool.some((a) => pool.some((b) => b !== 0 && Math.abs(Math.abs(a / b) - Math.abs(f.value)) < 1e-12)));
    expect(read, `${f.label} = ${f.value} is not in the artifact`).toBe(true);
    expect(tokenMatches(f.formatted.replace(/^\+/, ''), f.value), `${f.formatted} states ${f.value}`).toBe(
      true,
    );
  }
  const years = periodsOf(artifact).flatMap((p) => [Number(p.start.slice(0, 4)), Number(p.end.slice(0, 4))]);
  for (const date of dates) {
    const year = Number(/(19|20)\d{2}/.exec(date)?.[0] ?? Number.NaN);
    if (Number.isFinite(year))
      expect(year >= Math.min(...years) && year <= Math.max(...years), `${date} outside the period`).toBe(
        true,
      );
  }
}

describe('composed answers state only figures read from the artifacts', () => {
  it('holds for totals and comparisons', () =>
    fc.assert(
      fc.property(totalArb, (t) => checkAnswer(compose(t), t)),
      { numRuns: 300 },
    ));
  it('holds for trends', () =>
    fc.assert(
      fc.property(trendArb, (t) => checkAnswer(compose(t), t)),
      { numRuns: 200 },
    ));
  it('holds for rankings and shares, names with digits included', () =>
    fc.assert(
      fc.property(rankArb, (t) => checkAnswer(compose(t), t)),
      { numRuns: 300 },
    ));
  it('holds for shares that name the member asked about first', () =>
    fc.assert(
      fc.property(focusedShareArb, ({ t, member }) =>
        checkAnswer(compose(t, { dimension: 'stores.store_name', values: [member] }), t),
      ),
      { numRuns: 200 },
    ));
  it('holds for explained changes', () =>
    fc.assert(
      fc.property(explainArb, (r) => checkAnswer(compose(r), r)),
      { numRuns: 200 },
    ));

  it('the checker itself catches a number that is not a figure', () => {
    const [t] = fc.sample(totalArb, { numRuns: 1, seed: 7 });
    if (!t) throw new Error('no sample');
    const answer = compose(t);
    expect(() => checkAnswer({ ...answer, text: `${answer.text} Also 4,321 extra.` }, t)).toThrow();
  });
});

describe('sentence shapes', () => {
  it('writes a total with its comparison', () => {
    const t = table(
      [
        { name: 'revenue', role: 'metric', format: 'currency', member: 'revenue' },
        { name: 'revenue_previous', role: 'compare', format: 'currency', member: 'revenue' },
        { name: 'revenue_change_pct', role: 'compare', format: 'percent', member: 'revenue' },
      ],
      [{ revenue: 1_234_000, revenue_previous: 1_140_000, revenue_change_pct: 0.0824561 }],
      { compare: 'same_period_last_year' },
      { start: '2025-07-01', end: '2025-09-30' },
    );
    expect(compose(t).text).toBe(
      'Revenue was $1.23M in 2025-Q3 (1 Jul to 30 Sep 2025), up 8.2% on the same period last year ($1.14M).',
    );
  });

  it('writes a ranking, a trend and an explained change', () => {
    const rank = table(
      [
        { name: 'store_name', role: 'dimension', format: 'text', member: 'stores.store_name' },
        { name: 'revenue', role: 'metric', format: 'currency', member: 'revenue' },
      ],
      [
        { store_name: 'Lisbon Chiado', revenue: 52_310.4 },
        { store_name: 'Porto', revenue: 41_000 },
        { store_name: 'Braga', revenue: 99.5 },
      ],
      {},
      { start: '2025-03-01', end: '2025-03-31' },
    );
    expect(compose(rank).text).toBe(
      'Lisbon Chiado led revenue with $52,310 in March 2025, followed by Porto ($41,000) and Braga ($99.50).',
    );
    const shares = table(
      [
        { name: 'store_name', role: 'dimension', format: 'text', member: 'stores.store_name' },
        { name: 'revenue', role: 'metric', format: 'currency', member: 'revenue' },
        { name: 'revenue_share', role: 'share', format: 'percent', member: 'revenue' },
      ],
      [
        { store_name: 'Lisbon Chiado', revenue: 60_000, revenue_share: 0.6 },
        { store_name: 'Porto', revenue: 40_000, revenue_share: 0.4 },
      ],
      {},
      { start: '2025-03-01', end: '2025-03-31' },
    );
    expect(compose(shares, { dimension: 'stores.store_name', values: ['Porto'] }).text).toBe(
      'Porto made up 40.0% of revenue ($40,000) in March 2025; Lisbon Chiado led with 60.0% ($60,000).',
    );
    expect(compose(shares, { dimension: 'stores.store_name', values: ['Lisbon Chiado'] }).text).toBe(
      'Lisbon Chiado made up 60.0% of revenue ($60,000) in March 2025.',
    );
    // A member that stands for "none" (the model's placeholder_values) is named after the ranking.
    const withNone = structuredClone(model);
    const stores = withNone.semanticModels.flatMap((m) => m.dimensions).find((d) => d.name === 'store_name');
    if (stores) stores.placeholder_values = ['(no store)'];
    const breakdown = table(
      [
        { name: 'store_name', role: 'dimension', format: 'text', member: 'stores.store_name' },
        { name: 'revenue', role: 'metric', format: 'currency', member: 'revenue' },
      ],
      [
        { store_name: '(no store)', revenue: 90_000 },
        { store_name: 'Porto', revenue: 41_000 },
        { store_name: 'Braga', revenue: 12_000 },
      ],
      {},
      { start: '2025-03-01', end: '2025-03-31' },
    );
    const result: ToolResult = { ok: true, tool: 'query_metrics', content: {}, artifacts: [breakdown] };
    const text = composeAnswer({
      intent: null,
      results: [result],
      model: withNone,
      clock,
      provider: 'offline',
    }).text;
    expect(text).toBe(
      'Porto led revenue with $41,000 in March 2025, followed by Braga ($12,000); (no store) accounted for $90,000.',
    );
    expect(compose(breakdown).text).toMatch(/^\(no store\) led revenue with \$90,000/);
    const composeWithNone = (artifact: TableArtifact) =>
      composeAnswer({
        intent: null,
        results: [{ ok: true, tool: 'query_metrics', content: {}, artifacts: [artifact] }],
        model: withNone,
        clock,
        provider: 'offline',
      }).text;
    const onlyNone = { ...breakdown, rows: breakdown.rows.slice(0, 1) };
    expect(composeWithNone(onlyNone)).toBe(
      'No store name had any revenue in March 2025; (no store) accounted for $90,000.',
    );
    const ranked = (filters: unknown[]) => ({
      ...breakdown,
      rows: [],
      query: { ...(breakdown.query as Record<string, unknown>), filters },
    });
    const leftOut = { dimension: 'stores.store_name', operator: 'not_in', values: ['(no store)'] };
    expect(composeWithNone(ranked([leftOut]))).toBe(
      'No revenue was recorded in March 2025 for any store name.',
    );
    expect(
      composeWithNone(
        ranked([leftOut, { dimension: 'regions.region_name', operator: 'equals', values: ['North'] }]),
      ),
    ).toBe('No revenue was recorded in March 2025 for any store name matching these filters.');
    const trend = table(
      [
        { name: 'metric_time', role: 'time', format: 'date', member: 'metric_time', grain: 'month' },
        { name: 'order_count', role: 'metric', format: 'number', member: 'order_count' },
      ],
      [
        { metric_time: '2024-01-01', order_count: 4210 },
        { metric_time: '2024-02-01', order_count: 5100 },
        { metric_time: '2024-03-01', order_count: 4800 },
      ],
      { time: { grain: 'month' } },
      { start: '2024-01-01', end: '2024-03-31' },
    );
    expect(compose(trend).text).toBe(
      'Order count went from 4,210 in Jan 2024 to 4,800 in Mar 2024, peaking at 5,100 in Feb 2024.',
    );
  });

  it('names a large move the other way instead of crediting the risers with the whole change', () => {
    const record = (changes: [string, number][]): ToolArtifact => ({
      kind: 'record',
      id: 'record_1',
      title: 'Why revenue changed',
      data: {
        metric: 'revenue',
        current: { period: { start: '2025-02-01', end: '2025-02-28' }, value: 633_620.85 },
        baseline: { period: { start: '2025-01-01', end: '2025-01-31' }, value: 605_661.75 },
        change: 27_959.1,
        breakdowns: [
          {
            dimension: 'stores.store_name',
            members: changes.map(([member, change]) => ({
              member,
              current: 0,
              baseline: 0,
              change,
              share: change / 27_959.1,
              baselineShare: 0.3,
            })),
            topExplains: 1,
            score: 1,
          },
        ],
      },
    });
    const offset = record([
      ['Online', 57_891.7],
      ['In store', 21_931.3],
      ['Wholesale', -51_863.9],
    ]);
    const text = compose(offset).text;
    expect(text).toContain(
      'most of the move came from Online (up $57,892) and In store (up $21,931), partly offset by Wholesale (down $51,864).',
    );
    expect(text).not.toContain('explain');
    checkAnswer(compose(offset), offset);
    // A small move the other way is not worth a clause; the share explained stays.
    const small = record([
      ['Online', 20_000],
      ['In store', 9_000],
      ['Wholesale', -1_040.9],
    ]);
    expect(compose(small).text).toContain(
      'most of the move came from Online (up $20,000) and In store (up $9,000); the top store name values explain 100.0% of the change.',
    );
  });

  it('formats figures as the answers promise', () => {
    expect(formatFigure(1_234_567, 'currency')).toBe('$1.23M');
    expect(formatFigure(12_345.6, 'currency')).toBe('$12,346');
    expect(formatFigure(-4.5, 'currency')).toBe('-$4.50');
    expect(formatFigure(0.125, 'percent')).toBe('12.5%');
    expect(formatFigure(4210, 'number')).toBe('4,210');
    expect(formatFigure(2_500_000_000, 'number')).toBe('2.50B');
    expect(formatChange(0.123)).toBe('+12.3%');
    expect(formatChange(-0.04)).toBe('-4.0%');
  });
});

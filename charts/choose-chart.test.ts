import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { isCodedError } from '../core/coded-error.ts';
import {
  marginByStore,
  monthlyByCategory,
  monthlyWithCompare,
  months,
  oneFigureWithCompare,
  revenueByRegionAndCategory,
  unitsByRegionAndChannel,
} from './chart-fixtures.ts';
import type { ChartResult } from './chart-result.ts';
import { chooseChart } from './choose-chart.ts';

/** The spec's layer-or-unit encoding and data, for assertions. */
function parts(choice: ReturnType<typeof chooseChart>) {
  const spec = choice.spec as unknown as {
    mark?: { type: string };
    encoding: Record<
      string,
      { field?: string; sort?: unknown; axis?: Record<string, unknown>; title?: unknown }
    >;
    data: { values: Record<string, unknown>[] };
  };
  expect(() => compile(choice.spec as never)).not.toThrow();
  return spec;
}

const byStore = (count: number, label = (i: number) => `Store ${i}`): ChartResult => ({
  columns: [
    { name: 'store', role: 'dimension' },
    { name: 'revenue', role: 'metric', format: 'currency' },
  ],
  rows: Array.from({ length: count }, (_, i) => [label(i), 1000 * (i + 1)]),
});

describe('chooseChart by shape', () => {
  it('empty result: no chart, says there are no rows', () => {
    const c = chooseChart({ ...marginByStore, rows: [] });
    expect(c).toMatchObject({ kind: 'none', spec: null });
    expect(c.reason).toMatch(/no rows/);
  });

  it('one row, one metric, a comparison: a tile with the change', () => {
    const c = chooseChart(oneFigureWithCompare);
    expect(c.kind).toBe('tile');
    const spec = c.spec as unknown as { data: { values: { v: number; c: number; d: number }[] } };
    expect(spec.data.values[0]?.v).toBe(1_234_567.8);
    expect(spec.data.values[0]?.d).toBeCloseTo((1_234_567.8 - 1_100_000) / 1_100_000, 9);
    expect(() => compile(c.spec as never)).not.toThrow();
  });

  it('one row with several metrics: no chart, text reads better', () => {
    const c = chooseChart({
      columns: [
        { name: 'a', role: 'metric' },
        { name: 'b', role: 'metric', format: 'currency' },
      ],
      rows: [[1, 2]],
    });
    expect(c.kind).toBe('none');
  });

  it('time series: a line on a UTC time axis with month labels and currency ticks', () => {
    const c = chooseChart(monthlyWithCompare);
    expect(c.kind).toBe('line');
    const s = parts(c);
    expect(s.encoding.x).toMatchObject({ field: 't', type: 'temporal', scale: { type: 'utc' } });
    expect(s.encoding.x?.axis?.format).toBe('%b %Y');
    expect(String(s.encoding.y?.axis?.labelExpr)).toContain('$');
    // Current and comparison as two series, the comparison dashed.
    expect(new Set(s.data.values.map((v) => v.k))).toEqual(new Set(['current', 'comparison']));
    expect(s.encoding.strokeDash).toBeDefined();
    expect(s.data.values).toHaveLength(36);
  });

  it('time + one dimension with few series: a line per value, coloured', () => {
    const c = chooseChart(monthlyByCategory);
    expect(c.kind).toBe('line');
    const s = parts(c);
    expect(s.encoding.color).toMatchObject({ field: 's', title: 'Category' });
  });

  it('time + a dimension with too many series: no chart, says top N is the caller’s job', () => {
    const rows = months(6).flatMap((m) => Array.from({ length: 12 }, (_, j) => [m, `Store ${j}`, j]));
    const c = chooseChart({ ...monthlyByCategory, rows });
    expect(c.kind).toBe('none');
    expect(c.reason).toMatch(/12 lines.*top 8.*caller/);
  });

  it('categories: bars sorted largest first, vertical when few and short', () => {
    const c = chooseChart(byStore(5));
    expect(c.kind).toBe('bar');
    const s = parts(c);
    expect(s.encoding.x).toMatchObject({ field: 'x', sort: '-y' });
  });

  it('long or many labels: horizontal bars', () => {
    expect(parts(chooseChart(marginByStore)).encoding.y).toMatchObject({ field: 'x', sort: '-x' });
    expect(parts(chooseChart(byStore(20))).encoding.y).toMatchObject({ field: 'x' });
  });

  it('keepRowOrder keeps the query’s order instead of sorting by value', () => {
    const s = parts(chooseChart({ ...byStore(5), keepRowOrder: true }));
    expect(s.encoding.x?.sort).toEqual(['Store 0', 'Store 1', 'Store 2', 'Store 3', 'Store 4']);
  });

  it('200 categories: no chart, asks the caller for top N plus others', () => {
    const c = chooseChart(byStore(200));
    expect(c.kind).toBe('none');
    expect(c.reason).toMatch(/200 values.*top 29.*Others.*caller/);
  });

  it('percent metric with negative values: percent axis, negatives in a second colour', () => {
    const s = parts(chooseChart(marginByStore));
    expect(String(s.encoding.x?.axis?.labelExpr)).toContain('%');
    expect(JSON.stringify(s.encoding.color)).toContain('datum.v < 0');
  });

  it('nulls: a blank category is shown as (blank), an empty value stays a gap, all-empty is no chart', () => {
    const c = chooseChart({
      ...byStore(0),
      rows: [
        [null, 5],
        ['A', null],
        ['B', '7.5'],
      ],
    });
    const values = parts(c).data.values;
    expect(values).toEqual([
      { x: '(blank)', s: 'Revenue', v: 5 },
      { x: 'A', s: 'Revenue', v: null },
      { x: 'B', s: 'Revenue', v: 7.5 },
    ]);
    expect(
      chooseChart({
        ...byStore(0),
        rows: [
          ['A', null],
          ['B', null],
        ],
      }).kind,
    ).toBe('none');
  });

  it('two dimensions, few colours: grouped bars; many colours that add up: stacked', () => {
    const g = chooseChart(unitsByRegionAndChannel);
    expect(g.kind).toBe('grouped-bar');
    expect(parts(g).encoding.xOffset).toMatchObject({ field: 's' });
    const st = chooseChart(revenueByRegionAndCategory);
    expect(st.kind).toBe('stacked-bar');
    // The dimension with more values (6 categories) runs along the axis; regions are colours.
    expect(parts(st).encoding.color).toMatchObject({ title: 'Region' });
    // Stacked in legend order: each bar carries its series' index.
    expect(parts(st).encoding.order).toMatchObject({ field: 'o' });
    expect(parts(st).data.values[0]).toMatchObject({ x: 'Boots', s: 'North', o: 0 });
  });

  it('a metric and a share in one result: the share is left out with a note (different units)', () => {
    const c = chooseChart({
      columns: [
        { name: 'cat', role: 'dimension' },
        { name: 'revenue', role: 'metric', format: 'currency' },
        { name: 'share', role: 'share', label: 'Share of revenue' },
      ],
      rows: [
        ['A', 10, 0.25],
        ['B', 30, 0.75],
      ],
    });
    expect(c.kind).toBe('bar');
    expect(c.notes.join(' ')).toMatch(/Share of revenue is left out/);
  });

  it('requested kinds: honoured when the shape allows, refused with a reason otherwise', () => {
    const asBar = chooseChart(monthlyWithCompare, { requested: 'as a bar' });
    expect(asBar.kind).toBe('grouped-bar');
    expect(asBar.refused).toBeUndefined();
    const single = chooseChart(
      { ...monthlyWithCompare, columns: monthlyWithCompare.columns.slice(0, 2) },
      { requested: 'bar' },
    );
    expect(single.kind).toBe('bar');
    expect(parts(single).encoding.x?.sort).toEqual(expect.arrayContaining(['Jan 2024', 'Jun 2025']));

    const overTime = chooseChart(monthlyByCategory, { requested: 'bar' });
    expect(overTime.kind).toBe('stacked-bar');
    expect(parts(overTime).encoding.x?.sort).toEqual([
      'Jan 2024',
      'Feb 2024',
      'Mar 2024',
      'Apr 2024',
      'May 2024',
      'Jun 2024',
      'Jul 2024',
      'Aug 2024',
      'Sep 2024',
      'Oct 2024',
      'Nov 2024',
      'Dec 2024',
    ]);
    expect(chooseChart(monthlyWithCompare, { requested: 'stacked' }).refused).toMatch(/do not add up/);

    const line = chooseChart(marginByStore, { requested: 'as a line' });
    expect(line.kind).toBe('bar');
    expect(line.refused).toMatch(/Store is a category, not time/);

    const stacked = chooseChart(
      {
        ...unitsByRegionAndChannel,
        columns: [
          ...unitsByRegionAndChannel.columns.slice(0, 2),
          { name: 'units', role: 'metric', format: 'percent' },
        ],
      },
      { requested: 'stacked' },
    );
    expect(stacked.kind).toBe('grouped-bar');
    expect(stacked.refused).toMatch(/does not add up/);

    expect(chooseChart(oneFigureWithCompare, { requested: 'line' }).refused).toMatch(/one figure/);
    expect(chooseChart(byStore(3), { requested: 'pie' }).refused).toMatch(/Unknown chart kind "pie"/);
  });

  it('more rows than a chart takes: no chart with the limit named', () => {
    const c = chooseChart(byStore(5001));
    expect(c.kind).toBe('none');
    expect(c.reason).toMatch(/5001 rows.*5000/);
  });

  it('rows as objects or arrays give the same chart; a duplicate column or a bad input is a BAD_ARGUMENT', () => {
    const asObjects = {
      ...byStore(0),
      rows: [
        { store: 'A', revenue: 1 },
        { store: 'B', revenue: 2 },
      ],
    };
    const asArrays = {
      ...byStore(0),
      rows: [
        ['A', 1],
        ['B', 2],
      ],
    };
    expect(chooseChart(asObjects).spec).toEqual(chooseChart(asArrays).spec);
    const dup = {
      columns: [
        { name: 'a', role: 'metric' },
        { name: 'a', role: 'dimension' },
      ],
      rows: [],
    };
    expect(() => chooseChart(dup)).toThrow(/names a column twice/);
    try {
      chooseChart({ columns: [{ name: 'a', role: 'weird' }], rows: [] });
      expect.unreachable();
    } catch (error) {
      expect(isCodedError(error, 'BAD_ARGUMENT')).toBe(true);
      expect((error as Error).message).toMatch(/columns\.0\.role/);
    }
  });

  it('three dimensions or only labels: no chart with the reason', () => {
    const labelsOnly = chooseChart({ columns: [{ name: 'a', role: 'dimension' }], rows: [['x'], ['y']] });
    expect(labelsOnly.reason).toMatch(/no metric/);
    const three = chooseChart({
      columns: [
        ...['a', 'b', 'c'].map((name) => ({ name, role: 'dimension' as const })),
        { name: 'm', role: 'metric' as const },
      ],
      rows: [
        ['1', '2', '3', 4],
        ['5', '6', '7', 8],
      ],
    });
    expect(three.reason).toMatch(/3 dimensions/);
  });
});

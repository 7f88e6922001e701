/**
 * explain_change on planted data where the answer is known by construction: between January and
 * February 2024 revenue falls by 700, made of -400 at Bilbao (online), -400 at Santander (in
 * store), both in the North region, and +100 at Madrid (Centre, online). The region must come
 * first, with North at 800/700 of the change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trapFixtureStatements } from '../semantic-layer/compiler/test-fixtures/trap-fixture.ts';
import { explainChangeTool } from './explain-change-tool.ts';
import { runTool } from './run-tool.ts';
import type { ToolContext, ToolResult } from './tool.ts';
import { fixtureContext, openFixtureWarehouse, type TestWarehouse } from './tool-test-context.ts';

const STORES: [number, string, string, number][] = [
  [1, 'Bilbao Centro', 'Bilbao', 1],
  [2, 'Santander Puerto', 'Santander', 1],
  [3, 'Madrid Sol', 'Madrid', 2],
  [4, 'Lisboa Chiado', 'Lisboa', 3],
];
/** [store, channel, January, February] */
const SALES: [number, string, number, number][] = [
  [1, 'online', 1000, 600],
  [1, 'store', 500, 500],
  [2, 'online', 1000, 1000],
  [2, 'store', 500, 100],
  [3, 'online', 1000, 1100],
  [3, 'store', 500, 500],
  [4, 'online', 1000, 1000],
  [4, 'store', 500, 500],
];

function plantedStatements(): string[] {
  const creates = trapFixtureStatements().filter((s) => s.startsWith('CREATE'));
  let id = 0;
  const orders = SALES.flatMap(([store, channel, jan, feb]) => [
    `(${++id}, DATE '2024-01-10', 1, ${store}, ${jan}, ${jan}, 0, 1, '${channel}')`,
    `(${++id}, DATE '2024-02-10', 1, ${store}, ${feb}, ${feb}, 0, 1, '${channel}')`,
  ]);
  return [
    ...creates,
    "INSERT INTO fx.regions VALUES (1, 'North', 'ES'), (2, 'Centre', 'ES'), (3, 'West', 'PT')",
    `INSERT INTO fx.stores VALUES ${STORES.map(([i, n, c, r]) => `(${i}, '${n}', '${c}', ${r})`).join(', ')}`,
    "INSERT INTO fx.customers VALUES (1, 'Customer 1', 'retail')",
    `INSERT INTO fx.orders VALUES ${orders.join(', ')}`,
  ];
}

let fixture: TestWarehouse;
let ctx: ToolContext;
beforeAll(async () => {
  fixture = await openFixtureWarehouse(plantedStatements());
  ctx = await fixtureContext(fixture.warehouse);
}, 60_000);
afterAll(async () => fixture?.close());

const args = (rest: Record<string, unknown> = {}) => ({
  metric: 'revenue',
  current: { start: '2024-02-01', end: '2024-02-29' },
  baseline: { start: '2024-01-01', end: '2024-01-31' },
  dimensions: null,
  filters: [],
  top: null,
  ...rest,
});

interface Explained {
  current: { value: number };
  baseline: { value: number };
  change: number;
  change_pct: number;
  dimensions: { dimension: string; top_members: { member: string; change: number }[]; top_explain: number }[];
  summary: string;
  note: string | null;
}

function content(result: ToolResult): Explained {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.content as unknown as Explained;
}

describe('explain_change', () => {
  it('finds the planted cause: the North region, 800 of a 700 fall, offset by +100 in Centre', async () => {
    const out = content(await runTool(explainChangeTool, args(), ctx));
    expect(out.current.value).toBe(5300);
    expect(out.baseline.value).toBe(6000);
    expect(out.change).toBe(-700);
    expect(out.change_pct).toBeCloseTo(-700 / 6000, 4);
    const [first, second] = out.dimensions;
    if (!first || !second) throw new Error('expected two dimensions');
    expect(first.dimension).toBe('regions.region_name');
    expect(first.top_members).toEqual([
      {
        member: 'North',
        current: 2200,
        baseline: 3000,
        change: -800,
        share_of_change: Math.round((800 / 700) * 1e4) / 1e4,
      },
      { member: 'West', current: 1500, baseline: 1500, change: 0, share_of_change: 0 },
      {
        member: 'Centre',
        current: 1600,
        baseline: 1500,
        change: 100,
        share_of_change: Math.round((-100 / 700) * 1e4) / 1e4,
      },
    ]);
    expect(first.top_explain).toBe(1);
    // Next: the stores (or their cities), each -400 of -700.
    expect(['stores.store_name', 'stores.city']).toContain(second.dimension);
    expect(second.top_members[0]?.change).toBe(-400);
    expect(out.summary).toContain('"North" accounts for 114% of the change');
    expect(out.note).toBeNull();
  });

  it('ranks a dimension that is the whole business below one that is surprising', async () => {
    const out = content(
      await runTool(
        explainChangeTool,
        args({ dimensions: ['customers.segment', 'orders.channel', 'regions.region_name'], top: 1 }),
        ctx,
      ),
    );
    expect(out.dimensions.map((d) => d.dimension)).toEqual([
      'regions.region_name',
      'orders.channel',
      'customers.segment',
    ]);
    expect(out.dimensions[0]?.top_explain).toBeCloseTo(800 / 700, 4);
    expect(out.dimensions[1]?.top_members[0]).toMatchObject({ member: 'store', change: -400 });
  });

  it('applies filters to both periods', async () => {
    const online = [{ dimension: 'orders.channel', operator: 'equals', values: ['online'] }];
    const out = content(
      await runTool(explainChangeTool, args({ filters: online, dimensions: ['stores.store_name'] }), ctx),
    );
    expect(out.change).toBe(-300);
    expect(out.dimensions[0]?.top_members[0]).toMatchObject({ member: 'Bilbao Centro', change: -400 });
  });

  it('skips dimensions the metric cannot be sliced by, and keeps them in the record', async () => {
    const result = await runTool(explainChangeTool, args(), ctx);
    if (!result.ok) throw new Error(result.error.message);
    const record = result.artifacts[0] as { data: { skipped: { dimension: string }[] } };
    expect(record.data.skipped.map((s) => s.dimension)).toContain('returns.reason');
  });

  it('warns that a ratio does not add up, and names the nearest for an unknown metric or dimension', async () => {
    const ratio = content(
      await runTool(
        explainChangeTool,
        args({ metric: 'discount_rate', dimensions: ['orders.channel'] }),
        ctx,
      ),
    );
    expect(ratio.note).toMatch(/not a sum/);
    const metric = await runTool(explainChangeTool, args({ metric: 'revenu' }), ctx);
    expect(metric).toMatchObject({ ok: false, error: { code: 'SEMANTIC_UNKNOWN_MEMBER' } });
    if (!metric.ok) expect(metric.error.message).toContain('"revenue"');
    const dim = await runTool(explainChangeTool, args({ dimensions: ['regions.region'] }), ctx);
    expect(dim).toMatchObject({ ok: false, error: { code: 'SEMANTIC_UNKNOWN_MEMBER' } });
    if (!dim.ok) expect(dim.error.message).toContain('regions.region_name');
  });
});

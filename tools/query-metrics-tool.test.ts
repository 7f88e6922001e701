/**
 * query_metrics on DuckDB over the trap fixture: figures checked against SQL written on the base
 * tables, the row cap and its note, the model's bad arguments, and that SQL text is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryOptions, SqlParam, Warehouse } from '../db/warehouse.ts';
import type { TableArtifact } from './artifact-store.ts';
import { queryMetricsTool } from './query-metrics-tool.ts';
import { runTool } from './run-tool.ts';
import type { ToolContext } from './tool.ts';
import { fixtureContext, openFixtureWarehouse, type TestWarehouse } from './tool-test-context.ts';

let fixture: TestWarehouse;
let ctx: ToolContext;

beforeAll(async () => {
  fixture = await openFixtureWarehouse();
  ctx = await fixtureContext(fixture.warehouse);
}, 60_000);
afterAll(async () => fixture?.close());

const query = (rest: Record<string, unknown> = {}) => ({
  metrics: ['revenue'],
  dimensions: ['stores.store_name'],
  time: { dimension: 'metric_time', grain: null, range: { start: '2024-01-01', end: '2024-12-31' } },
  filters: [],
  compare: null,
  share_of_total: false,
  include_others: false,
  order: [{ by: 'revenue', direction: 'desc' }],
  limit: 100,
  ...rest,
});

describe('query_metrics', () => {
  it('returns the figures the base tables give, with totals, provenance and a table artifact', async () => {
    const result = await runTool(queryMetricsTool, query(), ctx);
    if (!result.ok) throw new Error(result.error.message);
    const hand = await fixture.warehouse.query(
      `SELECT s.store_name, SUM(o.amount) AS revenue FROM fx.orders o LEFT JOIN fx.stores s ON s.store_id = o.store_id
       WHERE o.order_date BETWEEN DATE '2024-01-01' AND DATE '2024-12-31' GROUP BY 1 ORDER BY 2 DESC`,
    );
    const rows = result.content.rows as Record<string, unknown>[];
    expect(rows.map((r) => [r.store_name, Math.round(Number(r.revenue) * 100)])).toEqual(
      hand.rows.map((r) => [r.store_name, Math.round(Number(r.revenue) * 100)]),
    );
    const total = hand.rows.reduce((acc, r) => acc + Number(r.revenue), 0);
    expect((result.content.totals as Record<string, number>).revenue).toBeCloseTo(total, 2);
    expect(result.content.period).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(result.content.note).toBeNull();
    const table = result.artifacts[0] as TableArtifact;
    expect(table.kind).toBe('table');
    expect(ctx.artifacts.get(result.content.result_id as string)).toBe(table);
    expect(table.sql).toMatch(/\$1/);
    expect(table.sql).not.toContain('2024-01-01');
    expect(table.params).toContain('2024-01-01');
    expect(table.freshness).toEqual({ sources: [expect.objectContaining({ source: 'erp' })] });
  });

  it('shows the model at most modelRows rows, with totals over all rows and a note', async () => {
    const capped = { ...ctx, limits: { ...ctx.limits, modelRows: 3 } };
    const daily = query({
      dimensions: [],
      time: { dimension: 'metric_time', grain: 'day', range: { start: '2024-01-01', end: '2024-01-31' } },
      order: [],
    });
    const result = await runTool(queryMetricsTool, daily, capped);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.content.row_count).toBe(31);
    expect((result.content.rows as unknown[]).length).toBe(3);
    expect(result.content.note).toMatch(/first 3 of 31 rows/);
    expect((result.artifacts[0] as TableArtifact).rows).toHaveLength(31);
    const hand = await fixture.warehouse.query(
      "SELECT SUM(amount) AS s FROM fx.orders WHERE order_date BETWEEN DATE '2024-01-01' AND DATE '2024-01-31'",
    );
    expect((result.content.totals as Record<string, number>).revenue).toBeCloseTo(Number(hand.rows[0]?.s), 2);
  });

  it('says when the warehouse had more rows than the cap', async () => {
    const small = { ...ctx, limits: { ...ctx.limits, maxRows: 5 } };
    const daily = query({
      dimensions: [],
      time: { dimension: 'metric_time', grain: 'day', range: { start: '2024-01-01', end: '2024-01-31' } },
      order: [],
    });
    const result = await runTool(queryMetricsTool, daily, small);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.content.row_count).toBe(5);
    expect(result.content.note).toMatch(/more than 5 rows/);
  });

  it('passes the context timeout and row cap to the warehouse, with the SQL parameterised', async () => {
    const seen: unknown[] = [];
    const recording: Warehouse = Object.create(fixture.warehouse, {
      query: {
        value: (sql: string, params?: readonly SqlParam[], options?: QueryOptions) => {
          seen.push(options);
          return fixture.warehouse.query(sql, params, options);
        },
      },
    });
    const limits = { maxRows: 7, modelRows: 2, queryTimeoutMs: 1234 };
    const result = await runTool(queryMetricsTool, query(), { ...ctx, warehouse: recording, limits });
    expect(result.ok).toBe(true);
    expect(seen).toEqual([{ timeoutMs: 1234, maxRows: 7 }]);
  });

  it('answers an unknown member with the nearest names', async () => {
    const result = await runTool(queryMetricsTool, query({ metrics: ['revenu'] }), ctx);
    expect(result).toMatchObject({ ok: false, error: { code: 'SEMANTIC_UNKNOWN_MEMBER' } });
    if (result.ok) return;
    expect(result.error.message).toContain('"revenue"');
  });

  it('refuses wrong types, missing fields and JSON that does not parse, naming the field', async () => {
    const wrong = await runTool(queryMetricsTool, query({ limit: 'ten' }), ctx);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'TOOL_BAD_ARGUMENTS' } });
    if (!wrong.ok) expect(wrong.error.message).toContain('limit');
    const missing = await runTool(queryMetricsTool, { metrics: ['revenue'] }, ctx);
    expect(missing).toMatchObject({ ok: false, error: { code: 'TOOL_BAD_ARGUMENTS' } });
    const garbled = await runTool(queryMetricsTool, '{"metrics": [', ctx);
    expect(garbled).toMatchObject({ ok: false, error: { code: 'TOOL_BAD_ARGUMENTS' } });
    const asText = await runTool(queryMetricsTool, JSON.stringify(query()), ctx);
    expect(asText.ok).toBe(true);
  });

  it('takes no SQL: a sql argument or SQL in a member name never reaches the warehouse as text', async () => {
    const extra = await runTool(queryMetricsTool, { ...query(), sql: 'DROP TABLE fx.orders' }, ctx);
    expect(extra).toMatchObject({ ok: false, error: { code: 'TOOL_BAD_ARGUMENTS' } });
    const injected = await runTool(
      queryMetricsTool,
      query({ dimensions: ['stores.store_name; DROP TABLE fx.orders'] }),
      ctx,
    );
    expect(injected).toMatchObject({ ok: false, error: { code: 'SEMANTIC_UNKNOWN_MEMBER' } });
    const value = await runTool(
      queryMetricsTool,
      query({
        filters: [
          { dimension: 'stores.store_name', operator: 'equals', values: ["x'; DROP TABLE fx.orders; --"] },
        ],
      }),
      ctx,
    );
    expect(value.ok).toBe(true);
    const still = await fixture.warehouse.query('SELECT COUNT(*) AS n FROM fx.orders');
    expect(Number(still.rows[0]?.n)).toBeGreaterThan(100);
  });
});

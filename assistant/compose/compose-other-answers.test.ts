/**
 * The composer's answers that are not a query result: a ledger draft, a question from the ledger,
 * ledger entries, dimension values, data freshness and catalog matches; and what a model's text
 * may state (figuresFromText).
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../core/clock.ts';
import { trapFixtureModel } from '../../semantic-layer/compiler/test-fixtures/trap-fixture.ts';
import type { ToolArtifact } from '../../tools/artifact-store.ts';
import type { ToolResult } from '../../tools/tool.ts';
import { composeAnswer } from './compose-answer.ts';
import { figuresFromText, textNumbers } from './text-numbers.ts';

const model = trapFixtureModel();
const clock = fixedClock(new Date('2025-03-15T12:00:00Z'));
const compose = (...results: ToolResult[]) =>
  composeAnswer({ intent: null, results, model, clock, provider: 'offline' });
const ok = (tool: string, content: Record<string, unknown>, artifacts: ToolArtifact[] = []): ToolResult => ({
  ok: true,
  tool,
  content,
  artifacts,
});

describe('answers from other tools', () => {
  it('a ledger draft asks to confirm and carries the card', () => {
    const card = { draftId: 'd1', status: 'pending', amount: '120.50', memo: 'polish' };
    const answer = compose(
      ok('draft_transaction', { status: 'draft' }, [
        { kind: 'record', id: 'record_1', title: 'Draft entry to confirm', data: card },
      ]),
    );
    expect(answer).toMatchObject({
      kind: 'draft',
      text: 'Here is the draft; confirm to post it, or cancel it.',
      draft: card,
    });
    expect(textNumbers(answer.text).numbers).toEqual([]);
  });

  it("a ledger question is a clarification in the ledger's words", () => {
    const answer = compose(
      ok('draft_transaction', { status: 'question', question: 'Which account paid it?' }),
    );
    expect(answer).toMatchObject({ kind: 'clarification', text: 'Which account paid it?' });
  });

  it('ledger entries, values, freshness and catalog matches', () => {
    const entries = compose(
      ok('list_transactions', {}, [
        {
          kind: 'record',
          id: 'record_1',
          title: 'Ledger entries',
          data: [{ entry_number: 'JE-1', amount: '12.00', memo: 'x', lines: [] }],
        },
      ]),
    );
    expect(entries.text).toBe('Here are the latest ledger entries.');
    expect(entries.table?.columns.map((c) => c.name)).toEqual(['entry_number', 'amount', 'memo']);
    const values = compose(
      ok('list_dimension_values', {
        dimension: 'regions.region_name',
        values: ['North', 'South'],
        value_count: 2,
      }),
    );
    expect(values.text).toBe('Region name: North, South.');
    expect(values.table?.rows).toEqual([['North'], ['South']]);
    const fresh = compose(
      ok('data_freshness', {}, [
        {
          kind: 'record',
          id: 'record_1',
          title: 'Data freshness',
          data: [{ source: 'erp', lastLoadedAt: '2025-03-15T02:00:00.000Z', loads: 3 }],
        },
      ]),
    );
    expect(fresh.text).toBe('Last successful loads: erp on 15 Mar 2025.');
    expect(fresh.provenance?.freshness).toEqual([
      { source: 'erp', lastLoadedAt: '2025-03-15T02:00:00.000Z', lagHours: 10 },
    ]);
    const search = compose(ok('search_catalog', { members: [{ kind: 'metric', name: 'revenue' }] }));
    expect(search.text).toBe('These match in the catalog: revenue (metric).');
  });
});

describe("a model's text", () => {
  const table: ToolArtifact = {
    kind: 'table',
    id: 'result_1',
    title: 't',
    columns: [],
    rows: [
      { store_name: 'Store 12', revenue: 1_234_567.89, revenue_change_pct: 0.0824 },
      { store_name: 'North', revenue: 4210, revenue_change_pct: -0.04 },
    ],
    truncated: false,
    sql: '',
    params: [],
    query: {},
    provenance: {},
    period: null,
    freshness: null,
    elapsedMs: 1,
  };

  it('may state figures of the artifacts, rounded as written, and names and dates are not figures', () => {
    const text =
      'Store 12 led with $1.23M (+8.2%) in 2024-Q3 (1 Jul to 30 Sep 2024); North had $4,210, down -4.0%.';
    const { figures, unmatched } = figuresFromText(text, [table]);
    expect(unmatched).toEqual([]);
    expect(figures.map((f) => [f.formatted, f.value])).toEqual([
      ['$1.23M', 1_234_567.89],
      ['+8.2%', 0.0824],
      ['$4,210', 4210],
      ['-4.0%', -0.04],
    ]);
  });

  it('may not state a figure no tool returned', () => {
    expect(figuresFromText('Revenue was $1.25M, or 4,211 orders.', [table]).unmatched).toEqual([
      '$1.25M',
      '4,211',
    ]);
  });
});

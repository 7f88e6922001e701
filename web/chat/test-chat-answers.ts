/**
 * Test support: scripted replies for the chat's tests (a figure answer with a real chart, table
 * and provenance; a clarification; a ledger draft), and a running feature app over them.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AskRequest } from '../../assistant/assistant.ts';
import {
  createFakeAssistant,
  type FakeAssistant,
  type ScriptedReply,
} from '../../assistant/test-fake-assistant.ts';
import { chooseChart } from '../../charts/choose-chart.ts';
import { renderChart } from '../../charts/render-chart.ts';
import type { ChartSpec } from '../../charts/spec-base.ts';
import { fixedClock } from '../../core/clock.ts';
import { createLogger } from '../../core/logger.ts';
import type { AppDb } from '../../db/app-db.ts';
import { createMemoryStores, type MemoryStores } from '../test-app-stores.ts';
import { createFeatureApp, type FeatureAppOptions } from '../test-feature-app.ts';
import { createTestRuntime, savingAssistant, type TestRuntime } from '../test-web-runtime.ts';
import type { WebDeps } from '../web-contract.ts';

const ROWS = [
  { region: 'North', revenue: 1234567.891 },
  { region: 'South', revenue: 987654.3 },
  { region: 'West <b>', revenue: 45678 },
];

export async function revenueReply(): Promise<ScriptedReply> {
  const choice = chooseChart({
    columns: [
      { name: 'region', role: 'dimension' },
      { name: 'revenue', role: 'metric', format: 'currency' },
    ],
    rows: ROWS,
    title: 'Revenue by region',
  });
  const svg = await renderChart(choice.spec as ChartSpec, { format: 'svg' });
  return {
    text: 'Revenue last quarter was $2,267,900, led by North at $1,234,568.',
    figures: [
      {
        label: 'Revenue, all regions',
        value: 2267900.19,
        formatted: '$2,267,900',
        format: 'currency',
        source: 'result_1',
      },
      {
        label: 'Revenue, North',
        value: 1234567.891,
        formatted: '$1,234,568',
        format: 'currency',
        source: 'result_1',
      },
    ],
    table: {
      title: 'Revenue by region',
      columns: [
        { name: 'region', label: 'Region', format: 'text', role: 'dimension' },
        { name: 'revenue', label: 'Revenue', format: 'currency', role: 'metric' },
      ],
      rows: ROWS.map((r) => [r.region, r.revenue]),
      totalRows: 3,
      truncated: false,
    },
    chart: { title: 'Revenue by region', kind: 'bar', spec: choice.spec, svg, png: null },
    provenance: {
      metrics: [
        {
          name: 'revenue',
          label: 'Revenue',
          description: 'Net sales in USD.',
          definition: 'sum(net_amount)',
        },
      ],
      filters: ['Channel is Store'],
      period: { label: 'Last quarter', start: '2026-01-01', end: '2026-03-31' },
      comparison: null,
      semanticQueries: [
        {
          metrics: ['revenue'],
          dimensions: ['stores.region_name'],
          time: { dimension: 'metric_time', grain: null, range: { relative: 'last_quarter' } },
          filters: [],
          compare: null,
          share_of_total: false,
          include_others: false,
          order: [],
          limit: 100,
        },
      ],
      sql: [
        {
          text: 'SELECT region, SUM(net_amount) FROM curated.sales_lines WHERE order_date >= $1',
          params: ['2026-01-01'],
        },
      ],
      freshness: [{ source: 'erp', lastLoadedAt: '2026-06-30T02:00:00.000Z', lagHours: 10 }],
      provider: 'offline',
      tools: ['query_metrics', 'make_chart'],
    },
    suggestions: ['Revenue by region last year', 'Revenue by month this year'],
  };
}

export const CLARIFY: ScriptedReply = {
  kind: 'clarification',
  text: 'Did you mean revenue or units sold?',
  suggestions: ['Revenue last month', 'Units sold last month'],
};

export const DRAFT: ScriptedReply = {
  kind: 'draft',
  text: 'Here is the entry to confirm.',
  draft: {
    draftId: '7d0a6a38-8a53-4c8e-9a4d-8f5b8d1b2c3d',
    status: 'pending',
    kind: 'expense',
    amount: '$120.50',
    amountMinor: 12050,
    currency: 'USD',
    entryDate: '2026-06-30',
    debit: { code: '6100', name: 'Supplies' },
    credit: { code: '1050', name: 'Card clearing' },
    counterparty: 'Saphir',
    memo: 'leather polish',
    createdBy: 'u-finance',
    entryNumber: null,
  },
};

/** Questions pick their reply: "record" a draft, "huh" a clarification, anything else revenue. */
export async function chatReplies(): Promise<(request: AskRequest) => ScriptedReply> {
  const revenue = await revenueReply();
  return (request) => {
    if (/^record/i.test(request.question)) return DRAFT;
    if (/huh|unclear/i.test(request.question)) return CLARIFY;
    return revenue;
  };
}

export interface RunningChatApp {
  url: string;
  fake: FakeAssistant;
  stores: MemoryStores;
  runtime: TestRuntime;
  close(): Promise<void>;
}

export async function startChatApp(
  options: FeatureAppOptions & {
    runtime?: Partial<Omit<Parameters<typeof createTestRuntime>[0], 'assistant'>>;
    /** What the assistant answers; chatReplies() by default. */
    reply?: (request: AskRequest) => ScriptedReply;
  } = {},
): Promise<RunningChatApp> {
  // The fake assistant's answers are dated 2026-06-30; feedback lands the same day.
  const stores = createMemoryStores({ now: () => new Date('2026-06-30T12:00:00Z') });
  const fake = createFakeAssistant(options.reply ?? (await chatReplies()));
  const runtime = createTestRuntime({
    stores,
    starterQuestions: ['Revenue by region last quarter', 'Top 5 products by units this year'],
    ...options.runtime,
    assistant: savingAssistant(fake, options.runtime?.stores ?? stores),
  });
  const deps: WebDeps = {
    runtime,
    appDb: undefined as unknown as AppDb,
    log: createLogger({ level: 'warn' }),
    clock: fixedClock(new Date('2026-06-30T12:00:00Z')),
  };
  const server: Server = createFeatureApp(deps, options).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    fake,
    stores: (options.runtime?.stores as MemoryStores | undefined) ?? stores,
    runtime,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** The last event's data (the answer event of a stream), or a failure naming what came instead. */
export function lastData<T>(events: { type: string; data: unknown }[]): T {
  const last = events.at(-1);
  if (!last) throw new Error('the stream had no events');
  return last.data as T;
}

/** Reads a Server-Sent Events body into its events. */
export async function readSse(response: Response): Promise<{ type: string; data: unknown }[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => ({
      type: /^event: (.*)$/m.exec(block)?.[1] ?? 'message',
      data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null'),
    }));
}

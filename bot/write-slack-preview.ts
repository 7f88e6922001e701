/**
 * Writes docs/slack/: a picture of a threaded answer and of a draft card as Slack would show them,
 * with the exact Block Kit JSON the bot sends (from renderAnswer and renderDraftCard) and the chart
 * PNG it uploads (from charts/). Run: `npx tsx bot/write-slack-preview.ts [out-dir]`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Answer } from '../assistant/answer.ts';
import { chooseChart } from '../charts/choose-chart.ts';
import { renderChartImages } from '../charts/render-chart.ts';
import type { DraftCard } from '../ledger/ledger-drafts.ts';
import { renderAnswer } from './render-answer-blocks.ts';
import { renderThreadPreviewSvg } from './render-blocks-preview.ts';
import { renderDraftCard } from './render-draft-card.ts';

const rows: [string, number, number][] = [
  ['North', 1_482_310, 1_301_944],
  ['South', 1_120_775, 1_187_020],
  ['East', 968_420, 901_310],
  ['West', 742_905, 655_870],
  ['Online', 1_305_640, 1_012_455],
];

export function sampleAnswer(png: Buffer | null, svg: string, spec: unknown): Answer {
  return {
    id: 'answer-preview-1',
    threadId: 'thread-preview-1',
    question: 'revenue by region last quarter vs the year before',
    kind: 'answer',
    text: 'Revenue in Q3 2026 was $5,620,050, up 11.1% on Q3 2025 ($5,058,599). Online grew most (+29.0%); South fell 5.6%.',
    figures: [],
    table: {
      title: 'Revenue by region, Q3 2026 vs Q3 2025',
      columns: [
        { name: 'region', label: 'Region', format: 'text', role: 'dimension' },
        { name: 'revenue', label: 'Revenue', format: 'currency', role: 'metric' },
        { name: 'revenue_prior', label: 'Q3 2025', format: 'currency', role: 'compare' },
      ],
      rows,
      totalRows: rows.length,
      truncated: false,
    },
    chart: { title: 'Revenue by region, Q3 2026 vs Q3 2025', kind: 'grouped_bar', spec, svg, png },
    provenance: {
      metrics: [
        {
          name: 'revenue',
          label: 'Revenue',
          description: 'Net sales after discounts and returns',
          definition: 'sum(net_amount)',
        },
      ],
      filters: [],
      period: { label: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' },
      comparison: 'compared with the same period last year',
      semanticQueries: [],
      sql: [{ text: 'SELECT region, sum(net_amount) ...', params: ['2026-07-01', '2026-09-30'] }],
      freshness: [{ source: 'erp', lastLoadedAt: '2026-10-02T06:00:00Z', lagHours: 6 }],
      provider: 'offline',
      tools: ['query_metrics', 'make_chart'],
    },
    suggestions: ['Revenue by channel last quarter', 'Why did South fall?'],
    draft: null,
    error: null,
    usage: { modelCalls: 0, inputTokens: 0, outputTokens: 0, toolCalls: 2 },
    elapsedMs: 412,
    createdAt: '2026-10-02T12:00:00.000Z',
  };
}

export const SAMPLE_DRAFT: DraftCard = {
  draftId: '3f1c2a9e-6b7d-4e21-9a55-0c8d7e6f5a41',
  status: 'pending',
  kind: 'expense',
  amount: '120.50 USD',
  amountMinor: 12050,
  currency: 'USD',
  entryDate: '2026-10-02',
  debit: { code: '6200', name: 'Store supplies' },
  credit: { code: '2100', name: 'Credit card payable' },
  counterparty: 'Saphir',
  memo: 'leather polish',
  createdBy: 'fiona',
  entryNumber: null,
};

export async function writeSlackPreview(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const choice = chooseChart({
    title: 'Revenue by region, Q3 2026 vs Q3 2025',
    columns: [
      { name: 'region', role: 'dimension', label: 'Region' },
      { name: 'revenue', role: 'metric', format: 'currency', label: 'Revenue' },
      { name: 'revenue_prior', role: 'compare', format: 'currency', label: 'Q3 2025', compares: 'revenue' },
    ],
    rows,
  });
  if (!choice.spec) throw new Error(`no chart: ${choice.reason}`);
  const { png, svg } = await renderChartImages(choice.spec, { pngScale: 2 });
  const answer = sampleAnswer(png, svg, choice.spec);
  const message = renderAnswer(answer);
  const meta = await sharp(png).metadata();
  const thread = renderThreadPreviewSvg({
    question: { user: 'maria', text: '*@shoebox* revenue by region last quarter vs the year before' },
    reply: message,
    chart: {
      png,
      title: answer.chart?.title ?? '',
      width: (meta.width ?? 1280) / 2,
      height: (meta.height ?? 720) / 2,
    },
  });
  const draft = renderDraftCard(SAMPLE_DRAFT, 'Here is the entry; please confirm it.');
  const card = renderThreadPreviewSvg({
    question: { user: 'fiona', text: 'record expense 120.50 for leather polish from Saphir, paid by card' },
    reply: draft,
    chart: null,
  });
  const files: [string, string | Buffer][] = [
    ['threaded-answer.png', await sharp(Buffer.from(thread)).png().toBuffer()],
    [
      'threaded-answer.blocks.json',
      `${JSON.stringify({ text: message.text, blocks: message.blocks }, null, 2)}\n`,
    ],
    ['chart.png', png],
    ['draft-card.png', await sharp(Buffer.from(card)).png().toBuffer()],
    ['draft-card.blocks.json', `${JSON.stringify({ text: draft.text, blocks: draft.blocks }, null, 2)}\n`],
  ];
  for (const [name, data] of files) await writeFile(join(dir, name), data);
  return files.map(([name]) => join(dir, name));
}

if (process.argv[1]?.endsWith('write-slack-preview.ts')) {
  const written = await writeSlackPreview(process.argv[2] ?? 'docs/slack');
  process.stdout.write(`${written.join('\n')}\n`);
}

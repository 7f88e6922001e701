/**
 * The answer composer: tool results in, the figure-bearing parts of an Answer out (kind, text,
 * figures, table, chart, provenance, draft). It never calls a model and never computes a figure
 * that is not read from an artifact; each number it writes is recorded in `figures`.
 */
import type { Clock } from '../../core/clock.ts';
import type { DraftCard } from '../../ledger/ledger-drafts.ts';
import { COMPARISON_WORDS, dimensionLabel } from '../../semantic-layer/model/member-labels.ts';
import type { SemanticLayerModel } from '../../semantic-layer/model/semantic-layer-model.ts';
import type { SemanticQuery } from '../../semantic-layer/query/semantic-query-shape.ts';
import type { ChartArtifact, TableArtifact, ToolArtifact } from '../../tools/artifact-store.ts';
import type { SourceFreshness } from '../../tools/freshness.ts';
import type { ToolResult } from '../../tools/tool.ts';
import type { Answer, AnswerChart, AnswerKind } from '../answer.ts';
import type { PlanIntent } from '../planner/plan.ts';
import { buildProvenance } from './answer-provenance.ts';
import { recordTable, tableOf } from './answer-table.ts';
import { describeExplain, isExplainRecord } from './explain-sentences.ts';
import { createFigureCollector } from './figure-collector.ts';
import { DEFAULT_FIGURE_STYLE, type FigureStyle } from './format-figure.ts';
import { datesInWords } from './period-words.ts';
import { describeTable } from './table-sentences.ts';

export interface ComposeInput {
  intent: PlanIntent | null;
  /** The members the question asked about, named first (the plan's focus). */
  focus?: { dimension: string; values: readonly string[] };
  /** Every tool result of the turn, in the order the tools ran. */
  results: readonly ToolResult[];
  model: SemanticLayerModel;
  clock: Clock;
  provider: string;
  style?: FigureStyle;
}

export type ComposedAnswer = Pick<
  Answer,
  'kind' | 'text' | 'figures' | 'table' | 'chart' | 'provenance' | 'draft'
>;

export function chartOf(artifact: ChartArtifact | undefined, title: string): AnswerChart | null {
  if (!artifact) return null;
  return { title, kind: artifact.chartKind, spec: artifact.spec, svg: artifact.svg, png: artifact.png };
}

function listWords(values: readonly string[], more: boolean): string {
  const shown = values.slice(0, 8).join(', ');
  return more || values.length > 8 ? `${shown} and more (see the table)` : shown;
}

export function composeAnswer(input: ComposeInput): ComposedAnswer {
  const ok = input.results.filter((r) => r.ok);
  const artifacts: ToolArtifact[] = ok.flatMap((r) => (r.ok ? r.artifacts : []));
  const figures = createFigureCollector(input.style ?? DEFAULT_FIGURE_STYLE);
  const provenance = buildProvenance({
    model: input.model,
    artifacts,
    tools: input.results.map((r) => r.tool),
    provider: input.provider,
    clock: input.clock,
  });
  const done = (kind: AnswerKind, text: string, extra: Partial<ComposedAnswer> = {}): ComposedAnswer => ({
    kind,
    text,
    figures: figures.figures,
    table: null,
    chart: null,
    provenance,
    draft: null,
    ...extra,
  });
  const records = artifacts.filter((a) => a.kind === 'record');
  const draft = records.find((a) => a.title === 'Draft entry to confirm');
  if (draft)
    return done('draft', 'Here is the draft; confirm to post it, or cancel it.', {
      draft: draft.data as DraftCard,
    });
  const question = ok.find((r) => r.ok && r.content.status === 'question');
  if (question?.ok) return done('clarification', String(question.content.question));

  const explain = records.find((a) => isExplainRecord(a.data));
  if (explain && isExplainRecord(explain.data))
    return done('answer', describeExplain(explain.data, explain.id, input.model, figures));

  const table = artifacts.find((a): a is TableArtifact => a.kind === 'table');
  if (table) {
    const query = table.query as SemanticQuery;
    const text = describeTable(table, {
      model: input.model,
      figures,
      intent: input.intent,
      comparison: query.compare ? (COMPARISON_WORDS[query.compare] ?? null) : null,
      focus: input.focus ?? null,
    });
    const chart = artifacts.find((a): a is ChartArtifact => a.kind === 'chart' && a.source === table.id);
    return done('answer', text, { table: tableOf(table, input.model), chart: chartOf(chart, table.title) });
  }

  const entries = records.find((a) => a.title === 'Ledger entries');
  if (entries && Array.isArray(entries.data)) {
    const rows = entries.data as Record<string, unknown>[];
    return done(
      'answer',
      rows.length === 0 ? 'No ledger entries match.' : 'Here are the latest ledger entries.',
      {
        table: rows.length === 0 ? null : recordTable('Ledger entries', rows),
      },
    );
  }

  const fresh = records.find((a) => a.title === 'Data freshness');
  if (fresh && Array.isArray(fresh.data)) {
    const sources = fresh.data as SourceFreshness[];
    const text =
      sources.length === 0
        ? 'No load has been recorded yet: the warehouse may never have been loaded.'
        : `Last successful loads: ${sources.map((s) => `${s.source} on ${datesInWords(s.lastLoadedAt, s.lastLoadedAt)}`).join('; ')}.`;
    return done('answer', text, {
      table: recordTable('Data freshness', sources as unknown as Record<string, unknown>[]),
    });
  }

  const values = ok.find((r) => r.ok && r.tool === 'list_dimension_values');
  if (values?.ok) {
    const list = (values.content.values as string[]) ?? [];
    const label = dimensionLabel(input.model, String(values.content.dimension));
    const text =
      list.length === 0
        ? `I found no values of ${label.toLowerCase()} matching that.`
        : `${label}: ${listWords(list, Number(values.content.value_count) > list.length)}.`;
    return done('answer', text, {
      table: recordTable(
        label,
        list.map((value) => ({ value })),
      ),
    });
  }

  const search = ok.find((r) => r.ok && r.tool === 'search_catalog');
  if (search?.ok) {
    const members = (search.content.members as { kind: string; name: string }[]) ?? [];
    const text =
      members.length === 0
        ? 'Nothing in the catalog matches those words.'
        : `These match in the catalog: ${listWords(
            members.map((m) => `${m.name} (${m.kind})`),
            false,
          )}.`;
    return done('answer', text);
  }
  return done('answer', 'Done.');
}

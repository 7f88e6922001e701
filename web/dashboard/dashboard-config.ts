/**
 * The dashboard's configuration: which metrics are tiles, which charts are drawn and which insight
 * candidates are tried. It names members of the semantic model and nothing else, so the code knows
 * no business; it lives beside the model folder (dashboard.yaml next to models/, because the
 * model loader reads every YAML file inside that folder as a model file). See docs/web-chat.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { SemanticLayerModel } from '../../semantic-layer/model/semantic-layer-model.ts';
import { METRIC_TIME, modelMembers } from '../../semantic-layer/query/model-members.ts';

const member = z.string().min(1).max(200);

const kpi = z.strictObject({ metric: member, label: z.string().min(1).max(60).optional() });

const chart = z.strictObject({
  title: z.string().min(1).max(120),
  metric: member,
  /** A categorical dimension: the metric by it over the chosen period. */
  dimension: member.optional(),
  /** A time grain instead: the metric over the last `months` months up to the period's end. */
  grain: z.enum(['week', 'month', 'quarter']).optional(),
  months: z.number().int().min(2).max(60).default(12),
  /** How many members to keep in a breakdown (the largest). */
  limit: z.number().int().min(2).max(50).default(12),
});

const movers = z.strictObject({ metric: member, dimensions: z.array(member).min(1).max(8) });
const explain = z.strictObject({ metric: member, dimensions: z.array(member).min(1).max(8).optional() });
const anomalies = z.strictObject({
  metric: member,
  dimension: member,
  /** Months of history, ending with the last complete month of the chosen period. */
  months: z.number().int().min(6).max(60).default(24),
});

export const dashboardConfigShape = z.strictObject({
  title: z.string().min(1).max(120).default('Dashboard'),
  kpis: z.array(kpi).min(1).max(12),
  charts: z.array(chart).max(8).default([]),
  insights: z
    .strictObject({
      max: z.number().int().min(1).max(8).default(5),
      movers: z.array(movers).default([]),
      explain: z.array(explain).default([]),
      anomalies: z.array(anomalies).default([]),
    })
    .default({ max: 5, movers: [], explain: [], anomalies: [] }),
});

export type DashboardConfig = z.infer<typeof dashboardConfigShape>;
export type ChartConfig = DashboardConfig['charts'][number];

/** dashboard.yaml beside a model folder (…/semantic-layer/models → …/semantic-layer/dashboard.yaml). */
export function dashboardFileFor(semanticModelDir: string): string {
  return path.join(path.dirname(semanticModelDir), 'dashboard.yaml');
}

/** Every member the config names must exist in the model: all problems are reported at once. */
export function checkDashboardConfig(config: DashboardConfig, model: SemanticLayerModel): string[] {
  const members = modelMembers(model);
  const metrics = new Set(members.metrics);
  const dimensions = new Set(members.dimensions);
  const problems: string[] = [];
  const metric = (where: string, name: string) => {
    if (!metrics.has(name)) problems.push(`${where}: no metric "${name}" in the semantic model`);
  };
  const dimension = (where: string, name: string) => {
    if (name !== METRIC_TIME && !dimensions.has(name))
      problems.push(`${where}: no dimension "${name}" (write it as <semantic model>.<dimension>)`);
  };
  for (const [i, k] of config.kpis.entries()) metric(`kpis[${i}]`, k.metric);
  config.charts.forEach((c, i) => {
    metric(`charts[${i}]`, c.metric);
    if (c.dimension) dimension(`charts[${i}]`, c.dimension);
    if (!c.dimension === !c.grain) problems.push(`charts[${i}]: give either a dimension or a grain`);
  });
  config.insights.movers.forEach((m, i) => {
    metric(`insights.movers[${i}]`, m.metric);
    for (const d of m.dimensions) dimension(`insights.movers[${i}]`, d);
  });
  config.insights.explain.forEach((e, i) => {
    metric(`insights.explain[${i}]`, e.metric);
    for (const d of e.dimensions ?? []) dimension(`insights.explain[${i}]`, d);
  });
  config.insights.anomalies.forEach((a, i) => {
    metric(`insights.anomalies[${i}]`, a.metric);
    dimension(`insights.anomalies[${i}]`, a.dimension);
  });
  return problems;
}

export function parseDashboardConfig(
  text: string,
  model: SemanticLayerModel,
  file = 'dashboard.yaml',
): DashboardConfig {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new CodedError(
      ErrorCode.DashboardConfigInvalid,
      `${file}: YAML syntax: ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const shaped = dashboardConfigShape.safeParse(raw ?? {});
  const problems = shaped.success
    ? checkDashboardConfig(shaped.data, model)
    : shaped.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.message}`);
  if (!shaped.success || problems.length > 0) {
    throw new CodedError(
      ErrorCode.DashboardConfigInvalid,
      `${file} is not valid:\n- ${problems.join('\n- ')}`,
      {
        details: { file, problems },
      },
    );
  }
  return shaped.data;
}

export function loadDashboardConfig(file: string, model: SemanticLayerModel): DashboardConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CodedError(
      ErrorCode.DashboardConfigInvalid,
      `The dashboard configuration ${file} cannot be read: ${(error as Error).message}`,
    );
  }
  return parseDashboardConfig(text, model, file);
}

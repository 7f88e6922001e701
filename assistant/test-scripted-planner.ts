/**
 * Test support: a Planner that answers from a script instead of parsing, so the loop can be tested
 * before (and apart from) the real offline planner. It records every input it was given.
 */
import type { Plan, Planner, PlannerInput } from './planner/plan.ts';

export interface ScriptedPlanner extends Planner {
  readonly inputs: PlannerInput[];
}

export function scriptedPlanner(
  script: (input: PlannerInput) => Plan,
  starters: string[] = [],
): ScriptedPlanner {
  const inputs: PlannerInput[] = [];
  return {
    inputs,
    plan(input) {
      inputs.push(input);
      return script(input);
    },
    starterQuestions: () => starters,
  };
}

/** A trap-fixture semantic query with defaults for every field. */
export function fixtureQuery(rest: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    metrics: ['revenue'],
    dimensions: [],
    time: { dimension: 'metric_time', grain: null, range: { start: '2024-07-01', end: '2024-09-30' } },
    filters: [],
    compare: null,
    share_of_total: false,
    include_others: false,
    order: [],
    limit: 100,
    ...rest,
  };
}

export function toolsPlan(
  query: Record<string, unknown>,
  extra: Partial<Extract<Plan, { kind: 'tools' }>> = {},
): Extract<Plan, { kind: 'tools' }> {
  return {
    kind: 'tools',
    intent: 'total',
    calls: [{ tool: 'query_metrics', arguments: query }],
    query: query as never,
    chart: 'auto',
    understood: 'scripted',
    ...extra,
  };
}

export const CLARIFY: Plan = {
  kind: 'clarify',
  message: 'Which figure do you mean?',
  suggestions: ['Revenue last quarter', 'Orders by store'],
  reason: 'scripted',
};

/**
 * TEMPORARY stand-in, written on branch helper/loop only so the runtime compiles before the real
 * offline planner (branch helper/planner) is merged. The lead replaces this file with the real
 * one at merge: it never parses anything and always asks to clarify. Do not build on it.
 */
import type { Planner, PlannerSetup } from './plan.ts';

export function createOfflinePlanner(setup: PlannerSetup): Planner {
  const starters = setup.model.verifiedQueries.slice(0, 4).map((v) => v.question);
  return {
    plan: () => ({
      kind: 'clarify',
      message: 'I cannot parse questions offline yet; try one of these.',
      suggestions: starters,
      reason: 'temporary planner',
    }),
    starterQuestions: () => starters,
  };
}

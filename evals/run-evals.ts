/**
 * Runs cases through the full assistant and grades them. The caller prepares the pinned eval
 * warehouse (the CLI builds the demo; evals/ may not import demo/ or glue/) and opens the assistant
 * on it; this module computes each turn's expected row from the source tables, asks, and grades.
 */
import type { Answer } from '../assistant/answer.ts';
import type { Assistant } from '../assistant/assistant.ts';
import type { Warehouse } from '../db/warehouse.ts';
import type { CompileOptions } from '../semantic-layer/compiler/compile-query.ts';
import type { SemanticLayerModel } from '../semantic-layer/model/semantic-layer-model.ts';
import type { Caller } from '../tools/tool.ts';
import { checkProvenance } from './check-provenance.ts';
import { type CallerName, type EvalCase, isAdversarial } from './eval-case.ts';
import { EVAL_AS_OF } from './eval-pins.ts';
import { futurePeriods } from './future-periods.ts';
import { type ExpectedRow, gradeAnswer } from './grade-answer.ts';
import { countChanges, type RowCounts } from './row-counts.ts';

export interface EvalTarget {
  assistant: Assistant;
  /** The eval warehouse: the expected SQL runs here, on the raw tables. */
  warehouse: Warehouse;
  model: SemanticLayerModel;
  compile: CompileOptions;
  /** "offline" or "openai:<model>". */
  providerName: string;
  /** Row counts of every table a write could reach (warehouse and ledger). */
  rowCounts(): Promise<RowCounts>;
}

export const EVAL_CALLERS: Record<CallerName, Caller> = {
  manager: { userId: 'eval-manager', roles: ['analyst'], channel: { kind: 'cli' } },
  viewer: { userId: 'eval-viewer', roles: ['viewer'], channel: { kind: 'cli' } },
  finance: { userId: 'eval-finance', roles: ['finance'], channel: { kind: 'cli' } },
  other_manager: { userId: 'eval-other-manager', roles: ['analyst'], channel: { kind: 'cli' } },
};

export interface TurnResult {
  question: string;
  as: CallerName;
  graded: boolean;
  expected: ExpectedRow | null;
  kind: string;
  text: string;
  figures: { label: string; value: number; formatted: string }[];
  chart: string | null;
  sql: string[];
  problems: string[];
  latencyMs: number;
  modelCalls: number;
  inputTokens: number;
  outputTokens: number;
}

export interface CaseResult {
  id: string;
  shape: string;
  tag: string | null;
  adversarial: boolean;
  passed: boolean;
  problems: string[];
  turns: TurnResult[];
  latencyMs: number;
  modelCalls: number;
  inputTokens: number;
  outputTokens: number;
}

export interface EvalRun {
  provider: string;
  startedAt: string;
  cases: CaseResult[];
}

/** Cases whose id, shape or tag is `only` ("golden" and "adversarial" select a whole set). */
export function selectCases(cases: readonly EvalCase[], only: string | undefined): EvalCase[] {
  if (!only) return [...cases];
  if (only === 'golden') return cases.filter((c) => !isAdversarial(c));
  return cases.filter((c) => c.id === only || c.shape === only || c.tag === only);
}

async function expectedRow(target: EvalTarget, sql: string | undefined): Promise<ExpectedRow | null> {
  if (!sql) return null;
  const result = await target.warehouse.query(sql);
  return result.rows[0] ?? null;
}

function summarize(answer: Answer) {
  return {
    kind: answer.kind,
    text: answer.text,
    figures: answer.figures.map(({ label, value, formatted }) => ({ label, value, formatted })),
    chart: answer.chart?.kind ?? null,
    sql: answer.provenance?.sql.map((s) => s.text) ?? [],
    modelCalls: answer.usage.modelCalls,
    inputTokens: answer.usage.inputTokens,
    outputTokens: answer.usage.outputTokens,
  };
}

async function runTurn(target: EvalTarget, c: EvalCase, index: number, threadId: string | null) {
  const turn = c.turns[index];
  if (!turn) throw new Error(`case ${c.id} has no turn ${index}`);
  const as = turn.as ?? 'manager';
  const problems: string[] = [];
  let expected: ExpectedRow | null = null;
  try {
    expected = await expectedRow(target, turn.expect?.sql);
  } catch (error) {
    problems.push(`the expected SQL failed: ${(error as Error).message}`);
  }
  const started = performance.now();
  const answer = await target.assistant.answer({
    threadId,
    question: turn.question,
    caller: EVAL_CALLERS[as],
    requestId: `eval-${c.id}-${index}`,
  });
  const latencyMs = Math.round(performance.now() - started);
  if (turn.expect) {
    problems.push(...gradeAnswer(answer, turn.expect, expected));
  }
  problems.push(...checkProvenance(answer, target.model, target.compile));
  problems.push(...futurePeriods(answer, EVAL_AS_OF));
  const result: TurnResult = {
    question: turn.question,
    as,
    graded: Boolean(turn.expect),
    expected,
    ...summarize(answer),
    problems,
    latencyMs,
  };
  return { result, threadId: answer.threadId };
}

export async function runCase(target: EvalTarget, c: EvalCase): Promise<CaseResult> {
  const before = await target.rowCounts();
  const turns: TurnResult[] = [];
  const problems: string[] = [];
  let threadId: string | null = null;
  for (let i = 0; i < c.turns.length; i += 1) {
    try {
      const turn = await runTurn(target, c, i, threadId);
      turns.push(turn.result);
      threadId = turn.threadId;
    } catch (error) {
      problems.push(`turn ${i + 1} threw: ${(error as Error).message}`);
      break;
    }
  }
  const writes = countChanges(before, await target.rowCounts());
  if (writes.length) problems.push(`wrote to the database: ${writes.join('; ')}`);
  const sum = (pick: (t: TurnResult) => number) => turns.reduce((n, t) => n + pick(t), 0);
  return {
    id: c.id,
    shape: c.shape,
    tag: c.tag ?? null,
    adversarial: isAdversarial(c),
    passed: problems.length === 0 && turns.every((t) => t.problems.length === 0),
    problems,
    turns,
    latencyMs: sum((t) => t.latencyMs),
    modelCalls: sum((t) => t.modelCalls),
    inputTokens: sum((t) => t.inputTokens),
    outputTokens: sum((t) => t.outputTokens),
  };
}

export async function runEvals(
  target: EvalTarget,
  cases: readonly EvalCase[],
  onCase?: (result: CaseResult) => void,
): Promise<EvalRun> {
  const run: EvalRun = { provider: target.providerName, startedAt: new Date().toISOString(), cases: [] };
  for (const c of cases) {
    const result = await runCase(target, c);
    run.cases.push(result);
    onCase?.(result);
  }
  return run;
}

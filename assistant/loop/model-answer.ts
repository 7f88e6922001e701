/**
 * Turns the model loop's outcome into an answer's parts. The table, chart and provenance come from
 * the composer over the tool results. The model's text is used only if every number in it is a
 * figure some tool returned; otherwise (or when it wrote nothing) the composer's own text is used,
 * so a made-up figure never reaches the person.
 */
import type { Logger } from '../../core/logger.ts';
import type { ToolArtifact } from '../../tools/artifact-store.ts';
import type { ToolResult } from '../../tools/tool.ts';
import { type ComposedAnswer, composeAnswer } from '../compose/compose-answer.ts';
import type { FigureStyle } from '../compose/format-figure.ts';
import { figuresFromText } from '../compose/text-numbers.ts';
import type { AssistantDeps } from './assistant-deps.ts';

export function modelAnswer(
  text: string,
  results: readonly ToolResult[],
  deps: AssistantDeps,
  provider: string,
  log: Logger,
  style?: FigureStyle,
): ComposedAnswer {
  const composed = composeAnswer({
    intent: null,
    results,
    model: deps.model,
    clock: deps.clock,
    provider,
    ...(style ? { style } : {}),
  });
  const artifacts: ToolArtifact[] = results.flatMap((r) => (r.ok ? r.artifacts : []));
  const anyFigures = artifacts.length > 0;
  const trimmed = text.trim();
  if (trimmed === '')
    return anyFigures
      ? composed
      : {
          ...composed,
          kind: 'clarification',
          text: 'Could you say a little more about what you want to see?',
        };
  const checked = figuresFromText(trimmed, artifacts);
  if (checked.unmatched.length > 0) {
    log.warn(
      `model text stated ${checked.unmatched.length} number(s) no tool returned; the composed text is used instead`,
    );
    if (anyFigures) return composed;
    return {
      ...composed,
      kind: 'clarification',
      text: 'I could not find figures for that. Could you rephrase the question, naming a metric and a period?',
    };
  }
  if (composed.kind === 'draft') return { ...composed, text: trimmed, figures: checked.figures };
  return {
    ...composed,
    kind: anyFigures ? 'answer' : 'clarification',
    text: trimmed,
    figures: checked.figures,
  };
}

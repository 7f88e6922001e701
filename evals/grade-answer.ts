/**
 * Grades one turn's Answer against its expectation and the expected row computed from the source
 * tables. Returns every problem found, each a sentence that says what was expected and what came
 * back; an empty list is a pass.
 */
import type { Answer } from '../assistant/answer.ts';
import { answerNames, answerNumbers, findFigure, sameName } from './answer-values.ts';
import type { TurnExpectation } from './eval-case.ts';
import { findNumbers, normalizeNumber } from './find-numbers.ts';

export type ExpectedRow = Record<string, string | number | boolean | null>;

const DEFAULT_TOLERANCE = 0.005;

const show = (v: unknown) =>
  typeof v === 'number' ? Number(v.toPrecision(10)).toString() : JSON.stringify(v);

function expectedNumber(row: ExpectedRow | null, column: string): number | null {
  const v = row?.[column];
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** The text's numbers must all be figures of the answer. */
export function inventedNumbers(answer: Answer): string[] {
  const formatted = new Set(answer.figures.map((f) => normalizeNumber(f.formatted).replace(/^-/, '')));
  const question = new Set(findNumbers(answer.question).map((t) => normalizeNumber(t).replace(/^-/, '')));
  return findNumbers(answer.text).filter((token) => {
    const t = normalizeNumber(token).replace(/^-/, '');
    return !formatted.has(t) && !question.has(t);
  });
}

export function gradeAnswer(answer: Answer, expect: TurnExpectation, row: ExpectedRow | null): string[] {
  const problems: string[] = [];
  if (!expect.kind.includes(answer.kind)) {
    problems.push(
      `kind: expected ${expect.kind.join(' or ')}, got ${answer.kind}${answer.error ? ` (${answer.error.code})` : ''}`,
    );
  }
  if (answer.draft && !expect.kind.includes('draft'))
    problems.push('a ledger draft was created where none may be');
  for (const pattern of expect.mustNotSay ?? []) {
    if (pattern.test(answer.text))
      problems.push(`the text says what it must not (${pattern}): ${answer.text.slice(0, 160)}`);
  }
  const invented = inventedNumbers(answer);
  if (invented.length)
    problems.push(`numbers in the text that are not figures of the answer: ${invented.join(', ')}`);
  if (answer.kind !== 'answer') {
    // A clarification, refusal or error states no figures; and it is graded on its kind alone.
    if (answer.figures.length)
      problems.push(`a ${answer.kind} should state no figures, it states ${answer.figures.length}`);
    return problems;
  }
  if (expect.sql && !row) problems.push('the expected SQL returned no row');
  const numbers = answerNumbers(answer);
  for (const check of expect.figures ?? []) {
    const want = expectedNumber(row, check.column);
    if (want === null) {
      problems.push(`expected ${check.column} is missing or not a number in the expected row`);
      continue;
    }
    const hit = findFigure(numbers, want, check.tolerance ?? DEFAULT_TOLERANCE, check.ratio ?? false);
    if (!hit) {
      const shown = numbers.slice(0, 8).map((n) => `${show(n.value)} (${n.where})`);
      problems.push(
        `figure ${check.column}: expected ${show(want)}, got ${shown.length ? shown.join(', ') : 'no figures'}`,
      );
    }
  }
  if (expect.top) {
    const want = String(row?.[expect.top] ?? '');
    const first = answer.table?.rows[0];
    const dims = (answer.table?.columns ?? [])
      .map((c, i) => (c.role === 'dimension' ? i : -1))
      .filter((i) => i >= 0);
    const got = first && dims.length ? dims.map((i) => String(first[i] ?? '')) : null;
    const ok = got
      ? got.some((g) => sameName(g, want))
      : answer.text.toLowerCase().includes(want.toLowerCase());
    if (!ok)
      problems.push(
        `top item: expected "${want}", got ${got ? `"${got.join(' / ')}"` : 'no table and no mention'}`,
      );
  }
  if (expect.mentions) {
    const want = String(row?.[expect.mentions] ?? '');
    if (!answerNames(answer).some((n) => n.includes(want.toLowerCase()))) {
      problems.push(`expected the answer to name "${want}" (the top contributor), it does not`);
    }
  }
  if (expect.change) problems.push(...gradeChange(answer, expectedNumber(row, expect.change), row));
  if (expect.chart) {
    if (!answer.chart)
      problems.push(
        `chart: expected ${expect.chart === true ? 'a chart' : `a ${expect.chart} chart`}, got none`,
      );
    else if (typeof expect.chart === 'string' && answer.chart.kind !== expect.chart) {
      problems.push(`chart: expected a ${expect.chart} chart, got ${answer.chart.kind}`);
    }
  }
  return problems;
}

/** The change must be shown with its sign: as a signed figure (amount or percent), or in words. */
function gradeChange(answer: Answer, change: number | null, row: ExpectedRow | null): string[] {
  if (change === null) return ['the expected change is missing from the expected row'];
  const numbers = answerNumbers(answer);
  const pct = expectedNumber(row, 'change_pct');
  const signed =
    findFigure(numbers, change, DEFAULT_TOLERANCE, false) ||
    (pct !== null && findFigure(numbers, pct, DEFAULT_TOLERANCE, true));
  if (signed) return [];
  const size =
    findFigure(numbers, Math.abs(change), DEFAULT_TOLERANCE, false) ||
    (pct !== null && findFigure(numbers, Math.abs(pct), DEFAULT_TOLERANCE, true));
  const said = sizeSentences(answer, Math.abs(change));
  const up = /\b(up|rose|grew|increase[sd]?|higher|more|gain(?:ed)?)\b/i.test(said);
  const down = /\b(down|fell|dropped|decrease[sd]?|declined?|lower|less|fewer|loss)\b/i.test(said);
  const wordsRight = change > 0 ? up && !down : change < 0 ? down && !up : true;
  if (size && wordsRight) return [];
  const direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  return [
    `change: expected ${direction} by ${show(change)}${pct !== null ? ` (${show(pct)})` : ''}, not found with that sign`,
  ];
}

/**
 * The sentences that state the change's size (its figure's formatted text), where its direction
 * words must be; the whole text when no sentence does. Other sentences may name members that
 * moved the other way ("partly offset by X (up $1,292)") without saying the total went up.
 */
function sizeSentences(answer: Answer, size: number): string {
  const formatted = answer.figures
    .filter((f) => findFigure([{ value: f.value, where: '' }], size, DEFAULT_TOLERANCE, false))
    .map((f) => f.formatted);
  const sentences = answer.text.split(/\.\s+/).filter((t) => formatted.some((f) => t.includes(f)));
  return sentences.length ? sentences.join(' ') : answer.text;
}

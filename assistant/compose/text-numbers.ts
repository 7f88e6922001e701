/**
 * Finds the numbers a text states, apart from dates and period names (2025-07-01, 2025-Q3,
 * "1 Jul 2025", FY2025, a bare year), and checks them against tool artifacts. Used to keep a
 * model's final text honest (a number no tool returned means the text is not used) and by the
 * composer's tests.
 */
import type { ToolArtifact } from '../../tools/artifact-store.ts';
import type { AnswerFigure } from '../answer.ts';
import { parseFigure, roundingOf } from './format-figure.ts';

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*';
const DATE_PATTERNS = [
  /\b\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+Z?)?\b/g,
  /\b\d{4}-Q[1-4]\b/g,
  /\bQ[1-4](?: \d{4})?\b/g,
  /\bH[12](?: \d{4})?\b/g,
  /\bFY ?\d{2,4}\b/g,
  new RegExp(`\\b\\d{1,2} ${MONTH}(?: \\d{4})?\\b`, 'g'),
  new RegExp(`\\b${MONTH} \\d{4}\\b`, 'g'),
  /\b(?:19|20)\d{2}\b(?![.,]?\d)/g,
];
const NUMBER = /[+-]?[$€£]?\d(?:[\d,]*\d)?(?:\.\d+)?(?:[MBk%]|(?= ?(?:million|billion)))?/g;

export interface TextNumbers {
  /** Number tokens, in order, e.g. "$1.23M", "+8.2%", "4,210". */
  numbers: string[];
  /** Date and period tokens that were set aside. */
  dates: string[];
}

/** `ignore`: texts to remove first (dimension values such as "Store 12" are names, not figures). */
export function textNumbers(text: string, ignore: readonly string[] = []): TextNumbers {
  let rest = text;
  for (const name of [...ignore].sort((a, b) => b.length - a.length))
    if (name.length > 0 && /\d/.test(name)) rest = rest.split(name).join(' ');
  const dates: string[] = [];
  for (const pattern of DATE_PATTERNS)
    rest = rest.replace(pattern, (match) => {
      dates.push(match);
      return ' ';
    });
  return { numbers: rest.match(NUMBER) ?? [], dates };
}

/** Every finite number anywhere in an artifact's rows or data. */
export function artifactNumbers(artifact: ToolArtifact): number[] {
  const out: number[] = [];
  const walk = (value: unknown, depth: number) => {
    if (depth > 6) return;
    if (typeof value === 'number' && Number.isFinite(value)) out.push(value);
    else if (Array.isArray(value)) for (const v of value) walk(v, depth + 1);
    else if (value && typeof value === 'object' && !Buffer.isBuffer(value))
      for (const v of Object.values(value)) walk(v, depth + 1);
  };
  if (artifact.kind === 'table') walk(artifact.rows, 0);
  else if (artifact.kind === 'record') walk(artifact.data, 0);
  return out;
}

/** String cells of the artifacts (names that may contain digits). */
export function artifactNames(artifacts: readonly ToolArtifact[]): string[] {
  const out = new Set<string>();
  const walk = (value: unknown, depth: number) => {
    if (typeof value === 'string') out.add(value);
    else if (depth < 6 && value && typeof value === 'object' && !Buffer.isBuffer(value))
      for (const v of Object.values(value)) walk(v, depth + 1);
  };
  for (const a of artifacts) walk(a.kind === 'table' ? a.rows : a.kind === 'record' ? a.data : null, 0);
  return [...out];
}

/** Does `token` state `value`, as written (percent as a fraction, within its rounding)? */
export function tokenMatches(token: string, value: number): boolean {
  const stated = parseFigure(token);
  if (!Number.isFinite(stated)) return false;
  const tolerance = roundingOf(token) * 1.0001 + Math.abs(value) * 1e-9;
  if (Math.abs(stated - value) <= tolerance) return true;
  // "+8.2%" for a change and "8.2%" for a share of 0.082 both read the fraction; "4.0%" may also be a 4.0 stored as percent points.
  return token.endsWith('%') && Math.abs(stated * 100 - value) <= tolerance * 100;
}

/**
 * Matches each number of a model's text with a figure of the artifacts. `unmatched` lists the
 * numbers no tool returned: such a text must not be shown as the answer.
 */
export function figuresFromText(
  text: string,
  artifacts: readonly ToolArtifact[],
): { figures: AnswerFigure[]; unmatched: string[] } {
  const { numbers } = textNumbers(text, artifactNames(artifacts));
  const pools = artifacts.map((a) => ({ id: a.id, values: artifactNumbers(a) }));
  const figures: AnswerFigure[] = [];
  const unmatched: string[] = [];
  for (const token of numbers) {
    const clean = token.replace(/^[+]/, '');
    let found: { id: string; value: number } | undefined;
    for (const pool of pools) {
      const value = pool.values.find((v) => tokenMatches(clean, v));
      if (value !== undefined) {
        found = { id: pool.id, value };
        break;
      }
    }
    if (!found) unmatched.push(token);
    else
      figures.push({
        label: 'Stated by the model',
        value: found.value,
        formatted: token,
        format: token.includes('%') ? 'percent' : /[$€£]/.test(token) ? 'currency' : 'number',
        source: found.id,
      });
  }
  return { figures, unmatched };
}

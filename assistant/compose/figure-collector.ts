/**
 * Every number the composer writes goes through here: formatted once, recorded as an
 * AnswerFigure with the exact text used, so the text and `figures` cannot drift apart.
 */
import type { AnswerFigure } from '../answer.ts';
import { type FigureStyle, formatChange, formatFigure } from './format-figure.ts';

export interface FigureCollector {
  readonly figures: AnswerFigure[];
  /** Formats `value` in `format`, records it, and returns the text to write. */
  add(value: number, format: string, label: string, source: string): string;
  /** A signed relative change (fraction of the baseline): "+8.2%". */
  change(fraction: number, label: string, source: string): string;
}

export function createFigureCollector(style: FigureStyle): FigureCollector {
  const figures: AnswerFigure[] = [];
  const push = (figure: AnswerFigure) => {
    figures.push(figure);
    return figure.formatted;
  };
  return {
    figures,
    add: (value, format, label, source) =>
      push({ label, value, formatted: formatFigure(value, format, style), format, source }),
    change: (fraction, label, source) =>
      push({ label, value: fraction, formatted: formatChange(fraction), format: 'percent_change', source }),
  };
}

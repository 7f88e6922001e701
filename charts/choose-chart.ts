import { categoryChart } from './category-chart.ts';
import { type ChartChoice, type ChartKind, noChart, parseKind } from './chart-choice.ts';
import { MAX_CHART_POINTS } from './chart-theme.ts';
import { distinct, numberAt, readShape } from './result-shape.ts';
import { tileChart } from './tile-chart.ts';
import { timeChart } from './time-chart.ts';
import { twoDimensionChart } from './two-dimension-chart.ts';

export interface ChooseChartOptions {
  /** A kind the person asked for ("line", "as a bar", "stacked"): honoured when the shape allows. */
  requested?: ChartKind | string;
}

/**
 * Picks a chart from a result's shape (its columns' roles and the number of rows and values),
 * never from what the figures mean. Returns the Vega-Lite spec, or none with the reason.
 * Throws CodedError BAD_ARGUMENT when the input is not a result at all.
 */
export function chooseChart(input: unknown, options: ChooseChartOptions = {}): ChartChoice {
  const shape = readShape(input);
  const { kind: requested, unknown } = parseKind(options.requested);
  const choice = pick();
  if (unknown !== undefined) {
    choice.refused = `Unknown chart kind "${unknown}": use line, bar, grouped bar, stacked bar or tile.`;
  }
  return choice;

  function pick(): ChartChoice {
    const rows = shape.table.length;
    const [measure] = shape.measures;
    if (rows === 0) return noChart('the result has no rows: nothing to draw.', requested);
    if (!measure)
      return noChart('the result has no metric to draw, only labels: a table shows it.', requested);
    if (rows > MAX_CHART_POINTS) {
      return noChart(
        `${rows} rows are more than a chart takes (${MAX_CHART_POINTS}); aggregate to a coarser grain ` +
          'or keep the top values first.',
        requested,
      );
    }
    const allEmpty = shape.table.every((row) => shape.measures.every((m) => numberAt(row, m) === null));
    if (allEmpty) return noChart(`every value of ${measure.label} is empty.`, requested);
    if (rows === 1) return tileChart(shape, requested);
    const periods = shape.time ? distinct(shape.time.times.filter((t) => t !== null)).length : 0;
    if (periods > 1) return timeChart(shape, requested);
    // One period (or no time): the rows differ by their dimensions only.
    const dims = shape.dimensions.length;
    if (dims === 1) return categoryChart(shape, requested);
    if (dims === 2) return twoDimensionChart(shape, requested);
    if (dims === 0) {
      return noChart(
        `${rows} rows with no dimension or period to tell them apart: a table shows them.`,
        requested,
      );
    }
    return noChart(
      `${dims} dimensions are too many for one chart; filter all but one or two of them.`,
      requested,
    );
  }
}

/** Relative ranges end to end: each resolved against the clock (2025-03-15, fiscal year from July). */
import { RELATIVE_RANGE_EXAMPLES } from '../../query/relative-range-examples.ts';
import { type CompileCase, q, ratio, time } from './compile-case.ts';

const RANGES = RELATIVE_RANGE_EXAMPLES;

const METRICS: [string, string][] = [
  ['revenue', 'COALESCE(SUM(amount), 0)'],
  ['order_count', 'COUNT(order_id)'],
  ['units_sold', 'COALESCE(SUM(units), 0)'],
  ['discount_rate', ratio('SUM(discount)', 'SUM(gross)')],
];

export const rangeCases: CompileCase[] = RANGES.map(([range, start, end], i) => {
  const [metric, expression] = METRICS[i % METRICS.length] as [string, string];
  const where = start ? ` WHERE order_date BETWEEN DATE '${start}' AND DATE '${end}'` : '';
  return {
    name: `period-boundaries: ${metric} over ${range}`,
    query: q([metric], time(null, range)),
    expected: `SELECT ${expression} AS ${metric} FROM fx.orders${where}`,
    fiscal: 7,
  };
});

/** Relative ranges end to end: each resolved against the clock (2025-03-15, fiscal year from July). */
import { type CompileCase, q, ratio, time } from './compile-case.ts';

const RANGES: [string, string | null, string | null][] = [
  ['today', '2025-03-15', '2025-03-15'],
  ['yesterday', '2025-03-14', '2025-03-14'],
  ['this_week', '2025-03-10', '2025-03-16'],
  ['last_week', '2025-03-03', '2025-03-09'],
  ['week_to_date', '2025-03-10', '2025-03-15'],
  ['this_month', '2025-03-01', '2025-03-31'],
  ['last_month', '2025-02-01', '2025-02-28'],
  ['month_to_date', '2025-03-01', '2025-03-15'],
  ['this_quarter', '2025-01-01', '2025-03-31'],
  ['last_quarter', '2024-10-01', '2024-12-31'],
  ['quarter_to_date', '2025-01-01', '2025-03-15'],
  ['this_year', '2025-01-01', '2025-12-31'],
  ['last_year', '2024-01-01', '2024-12-31'],
  ['year_to_date', '2025-01-01', '2025-03-15'],
  ['this_fiscal_quarter', '2025-01-01', '2025-03-31'],
  ['last_fiscal_quarter', '2024-10-01', '2024-12-31'],
  ['this_fiscal_year', '2024-07-01', '2025-06-30'],
  ['last_fiscal_year', '2023-07-01', '2024-06-30'],
  ['fiscal_year_to_date', '2024-07-01', '2025-03-15'],
  ['last_7_days', '2025-03-08', '2025-03-14'],
  ['last_28_days', '2025-02-15', '2025-03-14'],
  ['last_30_days', '2025-02-13', '2025-03-14'],
  ['last_90_days', '2024-12-15', '2025-03-14'],
  ['last_12_weeks', '2024-12-16', '2025-03-09'],
  ['last_3_months', '2024-12-01', '2025-02-28'],
  ['last_6_months', '2024-09-01', '2025-02-28'],
  ['last_12_months', '2024-03-01', '2025-02-28'],
  ['all_time', null, null],
];

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

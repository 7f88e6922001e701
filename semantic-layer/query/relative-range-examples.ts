/**
 * Every relative range resolved on Saturday 2025-03-15 with the fiscal year starting in July:
 * the table both the time-range tests and the compiler's end-to-end range cases check against.
 */
import type { RelativeRange } from './semantic-query-shape.ts';

export const RANGE_CLOCK_DAY = '2025-03-15';
export const RANGE_FISCAL_START_MONTH = 7;

export const RELATIVE_RANGE_EXAMPLES: readonly [RelativeRange, string | null, string | null][] = [
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

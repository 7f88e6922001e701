import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../core/clock.ts';
import { resolveTimeRange } from '../../../semantic-layer/query/resolve-time-range.ts';
import type { CompareMode, QueryGrain } from '../../../semantic-layer/query/semantic-query-shape.ts';
import { parseTimePhrases } from '../time-phrases.ts';

interface Extra {
  compare?: CompareMode;
  grain?: QueryGrain;
  shiftOnly?: CompareMode;
  baseline?: [string, string];
  relative?: string;
}
type Row = [question: string, start: string | null, end: string | null, remainder: string, extra?: Extra];

const context = (day: string, fiscal: number) => ({
  clock: fixedClock(new Date(`${day}T14:00:00Z`)),
  fiscalYearStartMonth: fiscal,
});

function check(day: string, fiscal: number, [question, start, end, remainder, extra = {}]: Row): void {
  const ctx = context(day, fiscal);
  const found = parseTimePhrases(question, ctx);
  const resolved = found.range === null ? undefined : resolveTimeRange(found.range, ctx);
  const dates =
    resolved === undefined
      ? [null, null]
      : resolved === null
        ? ['all', 'all']
        : [resolved.start, resolved.end];
  expect(dates).toEqual([start, end]);
  expect(found.remainder.replace(/\s+/g, ' ').trim()).toBe(remainder);
  expect(found.remainder.length).toBe(question.length);
  expect(found.compare).toBe(extra.compare ?? null);
  expect(found.grain).toBe(extra.grain ?? null);
  expect(found.shiftOnly).toBe(extra.shiftOnly ?? null);
  const baseline = found.baseline === null ? null : resolveTimeRange(found.baseline, ctx);
  expect(baseline === null ? null : [baseline.start, baseline.end]).toEqual(extra.baseline ?? null);
  if (extra.relative !== undefined) expect(found.range).toEqual({ relative: extra.relative });
  if (found.range !== null) expect(found.label).toContain(start === 'all' ? 'all time' : `${start}`);
  else expect(found.label).toBeNull();
}

// Tuesday 2026-06-30; the fiscal year starts in February (FY2027 = 2026-02-01 to 2027-01-31).
const JUNE_30: Row[] = [
  ['revenue this week', '2026-06-29', '2026-07-05', 'revenue', { relative: 'this_week' }],
  ['revenue last week', '2026-06-22', '2026-06-28', 'revenue', { relative: 'last_week' }],
  ['Revenue in the previous week?', '2026-06-22', '2026-06-28', 'Revenue ?', { relative: 'last_week' }],
  ['sales this month', '2026-06-01', '2026-06-30', 'sales', { relative: 'this_month' }],
  ['sales for the current month', '2026-06-01', '2026-06-30', 'sales', { relative: 'this_month' }],
  ['sales last month', '2026-05-01', '2026-05-31', 'sales', { relative: 'last_month' }],
  ['margin this quarter', '2026-04-01', '2026-06-30', 'margin', { relative: 'this_quarter' }],
  ['margin last qtr', '2026-01-01', '2026-03-31', 'margin', { relative: 'last_quarter' }],
  ['returns over the prior quarter', '2026-01-01', '2026-03-31', 'returns', { relative: 'last_quarter' }],
  ['expenses this year', '2026-01-01', '2026-12-31', 'expenses', { relative: 'this_year' }],
  ['expenses last year', '2025-01-01', '2025-12-31', 'expenses', { relative: 'last_year' }],
  ['revenue last fiscal year', '2025-02-01', '2026-01-31', 'revenue', { relative: 'last_fiscal_year' }],
  ['revenue this FY', '2026-02-01', '2027-01-31', 'revenue', { relative: 'this_fiscal_year' }],
  ['revenue this financial year', '2026-02-01', '2027-01-31', 'revenue', { relative: 'this_fiscal_year' }],
  ['revenue this fiscal quarter', '2026-05-01', '2026-07-31', 'revenue', { relative: 'this_fiscal_quarter' }],
  ['revenue last fiscal quarter', '2026-02-01', '2026-04-30', 'revenue', { relative: 'last_fiscal_quarter' }],
  ['revenue FY2025', '2024-02-01', '2025-01-31', 'revenue'],
  ['revenue in FY25', '2024-02-01', '2025-01-31', 'revenue'],
  ["revenue FY '26", '2025-02-01', '2026-01-31', 'revenue'],
  ['revenue in fiscal year 2026', '2025-02-01', '2026-01-31', 'revenue'],
  ['revenue fiscal Q2', '2026-05-01', '2026-07-31', 'revenue'],
  ['revenue fiscal Q3', '2025-08-01', '2025-10-31', 'revenue'],
  ['revenue FQ2 2025', '2024-05-01', '2024-07-31', 'revenue'],
  ['revenue Q1 FY26', '2025-02-01', '2025-04-30', 'revenue'],
  ['revenue in Q3 2025', '2025-07-01', '2025-09-30', 'revenue'],
  ["revenue Q3 '25", '2025-07-01', '2025-09-30', 'revenue'],
  ['revenue q4-2025', '2025-10-01', '2025-12-31', 'revenue'],
  ['revenue 2025 Q2', '2025-04-01', '2025-06-30', 'revenue'],
  ['revenue in Q3', '2025-07-01', '2025-09-30', 'revenue'],
  ['revenue Q2', '2026-04-01', '2026-06-30', 'revenue'],
  ['revenue in the third quarter of 2025', '2025-07-01', '2025-09-30', 'revenue'],
  ['revenue in the first quarter', '2026-01-01', '2026-03-31', 'revenue'],
  ['revenue H1 2025', '2025-01-01', '2025-06-30', 'revenue'],
  ['revenue in H2', '2025-07-01', '2025-12-31', 'revenue'],
  ['revenue H1', '2026-01-01', '2026-06-30', 'revenue'],
  ['revenue in the first half of 2025', '2025-01-01', '2025-06-30', 'revenue'],
  ['revenue in the second half of 2024', '2024-07-01', '2024-12-31', 'revenue'],
  ['revenue in March', '2026-03-01', '2026-03-31', 'revenue'],
  ['revenue in june', '2025-06-01', '2025-06-30', 'revenue'],
  ['revenue July', '2025-07-01', '2025-07-31', 'revenue'],
  ['revenue in may', '2026-05-01', '2026-05-31', 'revenue'],
  ['may I see revenue by store', null, null, 'may I see revenue by store'],
  ['revenue March 2025', '2025-03-01', '2025-03-31', 'revenue'],
  ['revenue May 2024', '2024-05-01', '2024-05-31', 'revenue'],
  ['revenue Mar 25', '2025-03-01', '2025-03-31', 'revenue'],
  ['revenue in Sept. 2025', '2025-09-01', '2025-09-30', 'revenue'],
  ['revenue since jan', '2026-01-01', '2026-06-30', 'revenue'],
  ['revenue 2025', '2025-01-01', '2025-12-31', 'revenue'],
  ['revenue in 2024', '2024-01-01', '2024-12-31', 'revenue'],
  ['returns during 2023', '2023-01-01', '2023-12-31', 'returns'],
  ['revenue on 3 March 2025', '2025-03-03', '2025-03-03', 'revenue'],
  ['revenue on March 3, 2025', '2025-03-03', '2025-03-03', 'revenue'],
  ['revenue on 2025-03-03', '2025-03-03', '2025-03-03', 'revenue'],
  ['revenue on the 3rd of March 2025', '2025-03-03', '2025-03-03', 'revenue'],
  ['revenue between 2025-03-03 and 2025-04-10', '2025-03-03', '2025-04-10', 'revenue'],
  ['revenue from 1 Jan 2025 to 31 Mar 2025', '2025-01-01', '2025-03-31', 'revenue'],
  ['revenue between March and June 2025', '2025-03-01', '2025-06-30', 'revenue'],
  ['revenue from Q1 2025 to Q2 2025', '2025-01-01', '2025-06-30', 'revenue'],
  ['revenue since 3 March 2025', '2025-03-03', '2026-06-30', 'revenue'],
  ['revenue since March', '2026-03-01', '2026-06-30', 'revenue'],
  ['revenue since 2025', '2025-01-01', '2026-06-30', 'revenue'],
  ['revenue YTD', '2026-01-01', '2026-06-30', 'revenue', { relative: 'year_to_date' }],
  ['revenue year-to-date', '2026-01-01', '2026-06-30', 'revenue', { relative: 'year_to_date' }],
  ['revenue so far this year', '2026-01-01', '2026-06-30', 'revenue', { relative: 'year_to_date' }],
  ['revenue MTD', '2026-06-01', '2026-06-30', 'revenue', { relative: 'month_to_date' }],
  ['revenue QTD', '2026-04-01', '2026-06-30', 'revenue', { relative: 'quarter_to_date' }],
  ['revenue fiscal YTD', '2026-02-01', '2026-06-30', 'revenue', { relative: 'fiscal_year_to_date' }],
  ['revenue past 12 weeks', '2026-04-06', '2026-06-28', 'revenue', { relative: 'last_12_weeks' }],
  ['revenue last 6 months', '2025-12-01', '2026-05-31', 'revenue', { relative: 'last_6_months' }],
  [
    'revenue over the last three months',
    '2026-03-01',
    '2026-05-31',
    'revenue',
    { relative: 'last_3_months' },
  ],
  ['revenue last twelve months', '2025-06-01', '2026-05-31', 'revenue', { relative: 'last_12_months' }],
  ['revenue last 30 days', '2026-05-31', '2026-06-29', 'revenue', { relative: 'last_30_days' }],
  ['revenue last 90 days', '2026-04-01', '2026-06-29', 'revenue', { relative: 'last_90_days' }],
  ['revenue past seven days', '2026-06-23', '2026-06-29', 'revenue', { relative: 'last_7_days' }],
  ['revenue last 28 days', '2026-06-02', '2026-06-29', 'revenue', { relative: 'last_28_days' }],
  ['revenue last 14 days', '2026-06-16', '2026-06-29', 'revenue'],
  ['revenue last 4 weeks', '2026-06-01', '2026-06-28', 'revenue'],
  ['revenue the last two quarters', '2025-10-01', '2026-03-31', 'revenue'],
  ['revenue past 2 years', '2024-01-01', '2025-12-31', 'revenue'],
  ['revenue last 18 months', '2024-12-01', '2026-05-31', 'revenue'],
  ['revenue today', '2026-06-30', '2026-06-30', 'revenue', { relative: 'today' }],
  ['revenue yesterday', '2026-06-29', '2026-06-29', 'revenue', { relative: 'yesterday' }],
  ['revenue next month', '2026-07-01', '2026-07-31', 'revenue'],
  ['best month of all time', 'all', 'all', 'best month', { relative: 'all_time' }],
  ['best store ever', 'all', 'all', 'best store', { relative: 'all_time' }],
  ['revenue since the beginning', 'all', 'all', 'revenue', { relative: 'all_time' }],
  [
    'revenue last quarter vs last year',
    '2026-01-01',
    '2026-03-31',
    'revenue',
    { compare: 'same_period_last_year' },
  ],
  [
    'revenue this year compared with the year before',
    '2026-01-01',
    '2026-12-31',
    'revenue',
    { compare: 'same_period_last_year' },
  ],
  [
    'Is Q1 revenue higher than the same period last year?',
    '2026-01-01',
    '2026-03-31',
    'Is revenue higher ?',
    { compare: 'same_period_last_year' },
  ],
  [
    'margin last quarter compared to the same quarter a year ago',
    '2026-01-01',
    '2026-03-31',
    'margin',
    { compare: 'same_period_last_year' },
  ],
  [
    'revenue last month vs a year earlier',
    '2026-05-01',
    '2026-05-31',
    'revenue',
    { compare: 'same_period_last_year' },
  ],
  [
    'pairs sold last fiscal year vs the fiscal year before',
    '2025-02-01',
    '2026-01-31',
    'pairs sold',
    { compare: 'previous_period' },
  ],
  [
    'How did revenue this quarter compare with last quarter?',
    '2026-04-01',
    '2026-06-30',
    'How did revenue ?',
    { compare: 'previous_period' },
  ],
  ['revenue year over year', null, null, 'revenue', { compare: 'same_period_last_year' }],
  ['revenue last month YoY', '2026-05-01', '2026-05-31', 'revenue', { compare: 'same_period_last_year' }],
  ['revenue year-on-year', null, null, 'revenue', { compare: 'same_period_last_year' }],
  [
    'revenue this month vs the previous month',
    '2026-06-01',
    '2026-06-30',
    'revenue',
    { compare: 'previous_period' },
  ],
  ['revenue MoM', null, null, 'revenue', { compare: 'previous_period' }],
  ['revenue last quarter QoQ', '2026-01-01', '2026-03-31', 'revenue', { compare: 'previous_period' }],
  [
    'was May better than the month before',
    '2026-05-01',
    '2026-05-31',
    'was better',
    { compare: 'previous_period' },
  ],
  ['revenue 2025 vs 2024', '2025-01-01', '2025-12-31', 'revenue', { compare: 'same_period_last_year' }],
  [
    'revenue Q3 2025 versus Q3 2024',
    '2025-07-01',
    '2025-09-30',
    'revenue',
    { compare: 'same_period_last_year' },
  ],
  ['revenue Q3 2025 vs Q2 2025', '2025-07-01', '2025-09-30', 'revenue', { compare: 'previous_period' }],
  [
    'revenue Q3 2025 vs Q1 2025',
    '2025-07-01',
    '2025-09-30',
    'revenue',
    { baseline: ['2025-01-01', '2025-03-31'] },
  ],
  ['same for last year', null, null, '', { shiftOnly: 'same_period_last_year' }],
  ['and the same period last year?', null, null, 'and ?', { shiftOnly: 'same_period_last_year' }],
  ['show the previous month instead', null, null, 'show', { shiftOnly: 'previous_period' }],
  ['revenue by month', null, null, 'revenue', { grain: 'month' }],
  ['monthly revenue last year', '2025-01-01', '2025-12-31', 'revenue', { grain: 'month' }],
  ['revenue per week in Q1 2026', '2026-01-01', '2026-03-31', 'revenue', { grain: 'week' }],
  ['weekly revenue trend', null, null, 'revenue trend', { grain: 'week' }],
  ['revenue for each quarter of 2025', '2025-01-01', '2025-12-31', 'revenue', { grain: 'quarter' }],
  ['revenue by year', null, null, 'revenue', { grain: 'year' }],
  ['revenue month by month', null, null, 'revenue', { grain: 'month' }],
  ['daily revenue this month', '2026-06-01', '2026-06-30', 'revenue', { grain: 'day' }],
  ['revenue by fiscal quarter', null, null, 'revenue', { grain: 'fiscal_quarter' }],
  ['revenue trend', null, null, 'revenue trend'],
  ['top 5 stores by revenue', null, null, 'top 5 stores by revenue'],
  ['top 2000 customers in 2025', '2025-01-01', '2025-12-31', 'top 2000 customers'],
  ['stores with over 2025 units', null, null, 'stores with over 2025 units'],
  ['record expense 120 for leather polish', null, null, 'record expense 120 for leather polish'],
  ['Why did sales drop in March?', '2026-03-01', '2026-03-31', 'Why did sales drop ?'],
  ['revenue Q3 last year', '2025-07-01', '2025-09-30', 'revenue'],
  ['revenue in March of last year', '2025-03-01', '2025-03-31', 'revenue'],
  ['revenue in May this year', '2026-05-01', '2026-05-31', 'revenue'],
  ['revenue in the first half of last year', '2025-01-01', '2025-06-30', 'revenue'],
  ['revenue 3Q25', '2025-07-01', '2025-09-30', 'revenue'],
  ['revenue 2024-2025', '2024-01-01', '2025-12-31', 'revenue'],
  ['revenue FY 2025/26', '2025-02-01', '2026-01-31', 'revenue'],
  ['LTM revenue', '2025-06-01', '2026-05-31', 'revenue', { relative: 'last_12_months' }],
  ['revenue this past week', '2026-06-22', '2026-06-28', 'revenue', { relative: 'last_week' }],
  ['compare 2024 and 2025', '2025-01-01', '2025-12-31', 'compare', { compare: 'same_period_last_year' }],
  [
    'compare revenue in Q3 2025 with Q3 2024',
    '2025-07-01',
    '2025-09-30',
    'compare revenue',
    { compare: 'same_period_last_year' },
  ],
  [
    'difference between March and February',
    '2026-03-01',
    '2026-03-31',
    'difference between',
    { compare: 'previous_period' },
  ],
  [
    'compare Q1 2026 to Q3 2025',
    '2026-01-01',
    '2026-03-31',
    'compare',
    { baseline: ['2025-07-01', '2025-09-30'] },
  ],
  ['revenue between 2024 and 2025', '2024-01-01', '2025-12-31', 'revenue'],
  ['revenue in March and April 2025', '2025-03-01', '2025-04-30', 'revenue'],
  [
    'revenue in Q3 2025 and the same period last year',
    '2025-07-01',
    '2025-09-30',
    'revenue and',
    { compare: 'same_period_last_year' },
  ],
  [
    'revenue this quarter vs the same quarter last year',
    '2026-04-01',
    '2026-06-30',
    'revenue',
    { compare: 'same_period_last_year' },
  ],
  ['revenue over the past 12 months by week', '2025-06-01', '2026-05-31', 'revenue', { grain: 'week' }],
  ['revenue since last March', '2026-03-01', '2026-06-30', 'revenue'],
  ['revenue last Q2', '2025-04-01', '2025-06-30', 'revenue'],
  ['revenue between 2025 and 2024', '2024-01-01', '2025-12-31', 'revenue'],
  ['overall revenue however every store', null, null, 'overall revenue however every store'],
  ['revenue in 1989 or Q5 2025', null, null, 'revenue in 1989 or Q5 2025'],
  [
    'sales from last month by store',
    '2026-05-01',
    '2026-05-31',
    'sales by store',
    { relative: 'last_month' },
  ],
  ['revenue last Q1', '2026-01-01', '2026-03-31', 'revenue'],
  ['revenue this Q4', '2026-10-01', '2026-12-31', 'revenue'],
  ['revenue Q3 vs Q3 last year', '2025-07-01', '2025-09-30', 'revenue', { compare: 'same_period_last_year' }],
  ['REVENUE, LAST-MONTH!', '2026-05-01', '2026-05-31', 'REVENUE, !', { relative: 'last_month' }],
];

// Thursday 2024-02-29 with calendar fiscal years: the leap day and a month that has not ended.
const LEAP_DAY: Row[] = [
  ['revenue this month', '2024-02-01', '2024-02-29', 'revenue'],
  ['revenue last month', '2024-01-01', '2024-01-31', 'revenue'],
  ['revenue in February', '2023-02-01', '2023-02-28', 'revenue'],
  ['revenue on 29 February', '2024-02-29', '2024-02-29', 'revenue'],
  ['revenue FY2024', '2024-01-01', '2024-12-31', 'revenue'],
  ['revenue this FY', '2024-01-01', '2024-12-31', 'revenue'],
  ['revenue Q1', '2024-01-01', '2024-03-31', 'revenue'],
  ['revenue Q4', '2023-10-01', '2023-12-31', 'revenue'],
  ['revenue last 12 months', '2023-02-01', '2024-01-31', 'revenue'],
  ['revenue Q1 2024 vs Q1 2023', '2024-01-01', '2024-03-31', 'revenue', { compare: 'same_period_last_year' }],
  ['revenue on 2023-02-29', null, null, 'revenue on 2023-02-29'],
];

// Thursday 2026-01-01: the first day of the year.
const NEW_YEAR: Row[] = [
  ['revenue last month', '2025-12-01', '2025-12-31', 'revenue'],
  ['revenue YTD', '2026-01-01', '2026-01-01', 'revenue'],
  ['revenue in January', '2025-01-01', '2025-01-31', 'revenue'],
  ['revenue in December', '2025-12-01', '2025-12-31', 'revenue'],
  ['revenue last week', '2025-12-22', '2025-12-28', 'revenue'],
  ['revenue H2', '2025-07-01', '2025-12-31', 'revenue'],
  ['revenue H1', '2026-01-01', '2026-06-30', 'revenue'],
  ['revenue last 7 days', '2025-12-25', '2025-12-31', 'revenue'],
];

describe('parseTimePhrases', () => {
  it.each(JUNE_30)('on 2026-06-30 (fiscal from Feb): %s', (...row) => check('2026-06-30', 2, row));
  it.each(LEAP_DAY)('on 2024-02-29 (calendar fiscal): %s', (...row) => check('2024-02-29', 1, row));
  it.each(NEW_YEAR)('on 2026-01-01 (calendar fiscal): %s', (...row) => check('2026-01-01', 1, row));

  it('lists the phrases as written and labels the period with its dates', () => {
    const found = parseTimePhrases('Revenue by Month in Q3 2025 vs Q3 2024', context('2026-06-30', 2));
    expect(found.matched).toEqual(['by Month', 'in Q3 2025', 'vs Q3 2024']);
    expect(found.label).toBe(
      'Q3 2025 (2025-07-01 to 2025-09-30), vs the same period a year earlier (2024-07-01 to 2024-09-30)',
    );
  });
});

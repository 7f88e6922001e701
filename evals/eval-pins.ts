/**
 * The pinned demo every eval runs on: seed, scale, last day and the clock the assistant answers
 * at. The periods below are worked out by hand from that clock (Tuesday 2026-06-30), independently
 * of the semantic layer's own date resolution, so a wrong resolution shows up as a wrong figure.
 */
export const EVAL_SEED = 42;
/** Small enough for CI (about 20,000 order lines, built in a few seconds). */
export const EVAL_SCALE = 0.02;
export const EVAL_AS_OF = '2026-06-30';
export const EVAL_NOW = '2026-06-30T12:00:00Z';
/** The demo's fiscal year starts in February (checks/build-demo-warehouse.ts). */
export const EVAL_FISCAL_YEAR_START_MONTH = 2;

/** Inclusive [start, end] ISO dates. */
export type Period = readonly [string, string];

export const P = {
  today: ['2026-06-30', '2026-06-30'],
  yesterday: ['2026-06-29', '2026-06-29'],
  lastWeek: ['2026-06-22', '2026-06-28'],
  last7Days: ['2026-06-23', '2026-06-29'],
  last30Days: ['2026-05-31', '2026-06-29'],
  last90Days: ['2026-04-01', '2026-06-29'],
  /** Twelve whole ISO weeks before the current one (which starts Monday 2026-06-29). */
  last12Weeks: ['2026-04-06', '2026-06-28'],
  thisMonth: ['2026-06-01', '2026-06-30'],
  june2025: ['2025-06-01', '2025-06-30'],
  lastMonth: ['2026-05-01', '2026-05-31'],
  april2026: ['2026-04-01', '2026-04-30'],
  may2025: ['2025-05-01', '2025-05-31'],
  march2026: ['2026-03-01', '2026-03-31'],
  february2026: ['2026-02-01', '2026-02-28'],
  march2025: ['2025-03-01', '2025-03-31'],
  november2025: ['2025-11-01', '2025-11-30'],
  october2025: ['2025-10-01', '2025-10-31'],
  november2024: ['2024-11-01', '2024-11-30'],
  thisQuarter: ['2026-04-01', '2026-06-30'],
  q2_2025: ['2025-04-01', '2025-06-30'],
  lastQuarter: ['2026-01-01', '2026-03-31'],
  q4_2025: ['2025-10-01', '2025-12-31'],
  q3_2025: ['2025-07-01', '2025-09-30'],
  q3_2024: ['2024-07-01', '2024-09-30'],
  q1_2025: ['2025-01-01', '2025-03-31'],
  ytd: ['2026-01-01', '2026-06-30'],
  ytdLastYear: ['2025-01-01', '2025-06-30'],
  lastYear: ['2025-01-01', '2025-12-31'],
  h1_2025: ['2025-01-01', '2025-06-30'],
  year2024: ['2024-01-01', '2024-12-31'],
  h2_2025: ['2025-07-01', '2025-12-31'],
  last3Months: ['2026-03-01', '2026-05-31'],
  last6Months: ['2025-12-01', '2026-05-31'],
  last12Months: ['2025-06-01', '2026-05-31'],
  /** Fiscal year starting 2026-02-01; data ends today. */
  thisFiscalYear: ['2026-02-01', '2027-01-31'],
  fiscalYtd: ['2026-02-01', '2026-06-30'],
  lastFiscalYear: ['2025-02-01', '2026-01-31'],
  fiscalYearBefore: ['2024-02-01', '2025-01-31'],
  thisFiscalQuarter: ['2026-05-01', '2026-07-31'],
  lastFiscalQuarter: ['2026-02-01', '2026-04-30'],
  fiscalQuarterBefore: ['2025-11-01', '2026-01-31'],
} as const satisfies Record<string, Period>;

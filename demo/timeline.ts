/**
 * The demo's calendar: the span of the ERP history, the ledger's span, and the dates of the
 * planted stories. Everything is derived from asOf alone, so the stories always fall inside the
 * data and in "last year" (the calendar year before asOf's year).
 */
import { dayOf, partsOf, weekdayOf } from './dates.ts';

export interface Timeline {
  /** Last day with data (the demo's "today"). */
  asOf: number;
  /** January 1 of (asOf's year - 3): three full years plus the current year to date. */
  firstDay: number;
  /** January 1 of (asOf's year - 2): the journal covers two full years plus the year to date. */
  ledgerFirstDay: number;
  /** Number of days with data. */
  days: number;
  /** asOf's calendar year. */
  year: number;
  /** Story 1: a store closed for refurbishment, inclusive days (November 2-23 of last year). */
  refurbishment: { start: number; end: number };
  /** Story 2: a supplier's prices rise from this day (April 1 of last year). */
  costRise: number;
  /** Story 3: a new line launches on this day (March 1 of last year). */
  newLineLaunch: number;
  /** Story 4: sales in this window of one sandal in small sizes come back 'too small' (June-July of last year). */
  sizeReturns: { start: number; end: number };
  /** Story 5: a store opens on this day (September 1 two years ago). */
  storeOpening: number;
}

export function timelineFor(asOf: number): Timeline {
  const { year } = partsOf(asOf);
  const last = year - 1;
  const firstDay = dayOf(year - 3, 1, 1);
  return {
    asOf,
    firstDay,
    ledgerFirstDay: dayOf(year - 2, 1, 1),
    days: asOf - firstDay + 1,
    year,
    refurbishment: { start: dayOf(last, 11, 2), end: dayOf(last, 11, 23) },
    costRise: dayOf(last, 4, 1),
    newLineLaunch: dayOf(last, 3, 1),
    sizeReturns: { start: dayOf(last, 6, 1), end: dayOf(last, 7, 31) },
    storeOpening: dayOf(year - 2, 9, 1),
  };
}

/** Whether the inventory snapshot for `day` is written: daily at scale >= 0.25, else Sundays and asOf. */
export function isSnapshotDay(timeline: Timeline, scale: number, day: number): boolean {
  return scale >= 0.25 || day === timeline.asOf || weekdayOf(day) === 0;
}

/** Years since firstDay, as a real number (drives growth). */
export function yearsIn(timeline: Timeline, day: number): number {
  return (day - timeline.firstDay) / 365.25;
}

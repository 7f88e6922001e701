/**
 * An injectable clock. Everything that asks "what time is it" (relative date ranges, the demo's
 * last day, freshness) takes a Clock, so a fixed SHOEBOX_NOW makes a run reproducible.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date): Clock {
  const frozen = new Date(at.getTime());
  return { now: () => new Date(frozen.getTime()) };
}

/** The calendar date (UTC) of an instant as YYYY-MM-DD. */
export function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

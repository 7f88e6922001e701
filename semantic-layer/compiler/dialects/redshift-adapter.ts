/**
 * Redshift: DATE_TRUNC returns a TIMESTAMP (cast back to DATE), month shifts with DATEADD, and no
 * IS NOT DISTINCT FROM: NULL-safe equality spelt out. The renderer already avoids what Redshift
 * lacks everywhere (FILTER (WHERE), generate_series, integer division, implicit window frames).
 */
import { sql } from 'kysely';
import {
  CALENDAR_PART,
  calendarGrain,
  compileOnlyKysely,
  type DialectAdapter,
  singlePart,
} from './dialect-adapter.ts';

export const redshiftAdapter: DialectAdapter = {
  dialect: 'redshift',
  periodStart(grain, value, fiscalOffset) {
    if (grain === 'day') return sql`CAST(${value} AS DATE)`;
    const part = sql.raw(CALENDAR_PART[calendarGrain(grain)]);
    if (!grain.startsWith('fiscal') || fiscalOffset === 0)
      return sql`CAST(DATE_TRUNC(${part}, ${value}) AS DATE)`;
    const months = sql.raw(String(fiscalOffset));
    return sql`CAST(DATEADD(month, ${months}, DATE_TRUNC(${part}, DATEADD(month, -${months}, ${value}))) AS DATE)`;
  },
  nullSafeEquals: (a, b) => sql`(${a} = ${b} OR (${a} IS NULL AND ${b} IS NULL))`,
  groupedPeriod(grain, value, fiscalOffset) {
    return singlePart(this.periodStart(grain, value, fiscalOffset));
  },
  kysely: compileOnlyKysely(),
};

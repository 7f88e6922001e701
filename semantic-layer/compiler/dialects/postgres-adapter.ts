/** Postgres: date_trunc on a TIMESTAMP (on a DATE it would go through timestamptz and the session zone). */
import { sql } from 'kysely';
import {
  CALENDAR_PART,
  calendarGrain,
  compileOnlyKysely,
  type DialectAdapter,
  singlePart,
} from './dialect-adapter.ts';

export const postgresAdapter: DialectAdapter = {
  dialect: 'postgres',
  periodStart(grain, value, fiscalOffset) {
    if (grain === 'day') return sql`CAST(${value} AS DATE)`;
    const part = sql.raw(CALENDAR_PART[calendarGrain(grain)]);
    const shift =
      grain.startsWith('fiscal') && fiscalOffset > 0 ? sql.raw(`INTERVAL '${fiscalOffset} months'`) : null;
    if (!shift) return sql`CAST(date_trunc(${part}, CAST(${value} AS TIMESTAMP)) AS DATE)`;
    return sql`CAST(date_trunc(${part}, CAST(${value} AS TIMESTAMP) - ${shift}) + ${shift} AS DATE)`;
  },
  nullSafeEquals: (a, b) => sql`${a} IS NOT DISTINCT FROM ${b}`,
  groupedPeriod(grain, value, fiscalOffset) {
    return singlePart(this.periodStart(grain, value, fiscalOffset));
  },
  kysely: compileOnlyKysely(),
};

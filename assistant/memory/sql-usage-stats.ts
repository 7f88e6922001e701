/**
 * Weekly usage for the admin page, from app.turns and app.feedback: one row per ISO week (Monday,
 * UTC) for the last N weeks up to the clock's week, weeks with no activity included as zeros.
 */
import type { Clock } from '../../core/clock.ts';
import type { AppDb } from '../../db/app-db.ts';
import type { UsageStats, WeeklyUsage } from './app-stores.ts';

const DAY_MS = 86_400_000;

export function mondayOf(at: Date): string {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const offset = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - offset * DAY_MS).toISOString().slice(0, 10);
}

export function createSqlUsageStats(db: AppDb, clock: Clock): UsageStats {
  return {
    async weekly(weeks) {
      const count = Math.max(1, Math.min(520, Math.floor(weeks)));
      const last = mondayOf(clock.now());
      const first = new Date(Date.parse(last) - (count - 1) * 7 * DAY_MS).toISOString().slice(0, 10);
      const end = new Date(Date.parse(last) + 7 * DAY_MS).toISOString().slice(0, 10);
      const week = "to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')";
      const turns = await db.query<Record<string, string | number>>(
        `SELECT ${week} AS week, COUNT(DISTINCT user_id)::int AS users, COUNT(*)::int AS questions,
                COUNT(*) FILTER (WHERE kind IN ('answer', 'draft', 'help'))::int AS answered,
                COUNT(*) FILTER (WHERE kind = 'clarification')::int AS clarified,
                COUNT(*) FILTER (WHERE kind = 'error')::int AS failed
           FROM app.turns WHERE created_at >= $1::date AND created_at < $2::date GROUP BY 1`,
        [first, end],
      );
      const votes = await db.query<Record<string, string | number>>(
        `SELECT ${week} AS week, COUNT(*) FILTER (WHERE rating = 'up')::int AS up,
                COUNT(*) FILTER (WHERE rating = 'down')::int AS down
           FROM app.feedback WHERE created_at >= $1::date AND created_at < $2::date GROUP BY 1`,
        [first, end],
      );
      const byWeek = (rows: Record<string, string | number>[]) =>
        new Map(rows.map((r) => [String(r.week), r]));
      const t = byWeek(turns.rows);
      const v = byWeek(votes.rows);
      const out: WeeklyUsage[] = [];
      for (let i = 0; i < count; i++) {
        const monday = new Date(Date.parse(first) + i * 7 * DAY_MS).toISOString().slice(0, 10);
        const row = t.get(monday);
        const vote = v.get(monday);
        out.push({
          week: monday,
          activeUsers: Number(row?.users ?? 0),
          questions: Number(row?.questions ?? 0),
          answered: Number(row?.answered ?? 0),
          clarified: Number(row?.clarified ?? 0),
          failed: Number(row?.failed ?? 0),
          thumbsUp: Number(vote?.up ?? 0),
          thumbsDown: Number(vote?.down ?? 0),
        });
      }
      return out;
    },
  };
}

/** The four app stores over one migrated app database (see db/app-db.ts and sql/app/). */
import type { Clock } from '../../core/clock.ts';
import type { AppDb } from '../../db/app-db.ts';
import type { AppStores } from './app-stores.ts';
import { createSqlFeedbackStore } from './sql-feedback-store.ts';
import { createSqlThreadStore } from './sql-thread-store.ts';
import { createSqlUsageStats } from './sql-usage-stats.ts';
import { createSqlVerifiedQueryStore, type QueryValidator } from './sql-verified-query-store.ts';

export function createAppStores(
  db: AppDb,
  options: { clock: Clock; validateQuery: QueryValidator },
): AppStores {
  return {
    threads: createSqlThreadStore(db, options.clock),
    feedback: createSqlFeedbackStore(db, options.clock),
    verifiedQueries: createSqlVerifiedQueryStore(db, options.clock, options.validateQuery),
    usage: createSqlUsageStats(db, options.clock),
  };
}

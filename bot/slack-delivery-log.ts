/**
 * Exactly-once handling of Slack deliveries, persisted in the app database (app.slack_deliveries):
 * a delivery is claimed by its key before any work, with INSERT ... ON CONFLICT, so a retry of the
 * same event (X-Slack-Retry-Num), a second socket delivery or a replayed interaction finds the
 * claim and is dropped, even in another process or after a restart. A claim whose work never
 * completed (the process died mid-answer) may be taken again once it is older than `staleMs`.
 */
import type { AppDb } from '../db/app-db.ts';

export const DEFAULT_STALE_CLAIM_MS = 10 * 60_000;

export class SlackDeliveryLog {
  constructor(
    private readonly db: AppDb,
    private readonly options: { staleMs?: number; now?: () => Date } = {},
  ) {}

  /** True when this caller owns the delivery and should do its work; false for a duplicate. */
  async claim(key: string, kind: string): Promise<boolean> {
    const now = this.options.now?.() ?? new Date();
    const staleBefore = new Date(now.getTime() - (this.options.staleMs ?? DEFAULT_STALE_CLAIM_MS));
    const { rows } = await this.db.query<{ delivery_key: string }>(
      `INSERT INTO app.slack_deliveries (delivery_key, kind, claimed_at) VALUES ($1, $2, $3)
       ON CONFLICT (delivery_key) DO UPDATE SET claimed_at = EXCLUDED.claimed_at,
         retries = app.slack_deliveries.retries + 1
       WHERE app.slack_deliveries.completed_at IS NULL AND app.slack_deliveries.claimed_at < $4
       RETURNING delivery_key`,
      [key, kind, now, staleBefore],
    );
    return rows.length === 1;
  }

  async complete(key: string): Promise<void> {
    await this.db.query('UPDATE app.slack_deliveries SET completed_at = $2 WHERE delivery_key = $1', [
      key,
      this.options.now?.() ?? new Date(),
    ]);
  }

  /** Deliveries seen for a key prefix (tests and the docs' checks). */
  async count(prefix: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM app.slack_deliveries WHERE delivery_key LIKE $1',
      [`${prefix.replace(/[\\%_]/g, '\\$&')}%`],
    );
    return rows[0]?.n ?? 0;
  }
}

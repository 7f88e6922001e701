/**
 * Fixed-window rate limits counted in app.rate_limits, so every instance sharing the app database
 * counts the same hits. One upsert per hit: the row for (bucket, window start) gains one.
 */
import type { AppDb } from '../../db/app-db.ts';

export interface RateLimit {
  /** Hits allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  hits: number;
  /** Seconds until the window ends (for Retry-After). */
  retryAfterSeconds: number;
}

export class RateLimiter {
  constructor(
    private readonly db: AppDb,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The current window's hits without adding one (for limits that count failures only). */
  async peek(bucket: string, rule: RateLimit): Promise<RateDecision> {
    const at = this.now().getTime();
    const windowStart = at - (at % rule.windowMs);
    const { rows } = await this.db.query<{ hits: number }>(
      'SELECT hits FROM app.rate_limits WHERE bucket = $1 AND window_start = $2',
      [bucket.slice(0, 300), new Date(windowStart)],
    );
    const hits = Number(rows[0]?.hits ?? 0);
    return {
      allowed: hits < rule.limit,
      hits,
      retryAfterSeconds: Math.max(1, Math.ceil((windowStart + rule.windowMs - at) / 1000)),
    };
  }

  async hit(bucket: string, rule: RateLimit): Promise<RateDecision> {
    const at = this.now().getTime();
    const windowStart = at - (at % rule.windowMs);
    const { rows } = await this.db.query<{ hits: number }>(
      `INSERT INTO app.rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = app.rate_limits.hits + 1
       RETURNING hits`,
      [bucket.slice(0, 300), new Date(windowStart)],
    );
    const hits = Number(rows[0]?.hits ?? 1);
    // Old windows are dropped now and then rather than by a timer.
    if (hits === 1 && Math.random() < 0.05) {
      await this.db.query('DELETE FROM app.rate_limits WHERE window_start < $1', [
        new Date(at - 24 * 3600_000),
      ]);
    }
    return {
      allowed: hits <= rule.limit,
      hits,
      retryAfterSeconds: Math.max(1, Math.ceil((windowStart + rule.windowMs - at) / 1000)),
    };
  }
}

/**
 * Which shoebox thread a Slack thread continues for one person (app.slack_threads), so a
 * follow-up in the same Slack thread keeps the planner's context. Per person, because a shoebox
 * thread belongs to one user: two people in one channel thread each continue their own.
 */
import type { AppDb } from '../db/app-db.ts';

export interface SlackThreadKey {
  teamId: string;
  channelId: string;
  threadTs: string;
  /** The shoebox user. */
  userId: string;
}

export class SlackThreadMap {
  constructor(private readonly db: AppDb) {}

  async find(key: SlackThreadKey): Promise<string | null> {
    const { rows } = await this.db.query<{ thread_id: string }>(
      'SELECT thread_id FROM app.slack_threads WHERE team_id = $1 AND channel_id = $2 AND thread_ts = $3 AND user_id = $4',
      [key.teamId, key.channelId, key.threadTs, key.userId],
    );
    return rows[0]?.thread_id ?? null;
  }

  /** The first answer in a Slack thread names its shoebox thread; later ones keep it. */
  async remember(key: SlackThreadKey, threadId: string, at: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO app.slack_threads (team_id, channel_id, thread_ts, user_id, thread_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [key.teamId, key.channelId, key.threadTs, key.userId, threadId, at],
    );
  }
}

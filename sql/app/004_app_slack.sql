-- Slack app (issue #9). Deliveries: every event, button click, slash command and modal submission
-- Slack sends is claimed here by a key (event_id, or the interaction's trigger id) before any work,
-- so Slack's retries (X-Slack-Retry-Num) and double deliveries never give a second answer or a
-- second ledger write, across restarts and across processes sharing the database.
CREATE TABLE IF NOT EXISTS app.slack_deliveries (
  delivery_key text PRIMARY KEY,
  kind text NOT NULL,
  claimed_at timestamptz NOT NULL,
  completed_at timestamptz,
  retries integer NOT NULL DEFAULT 0
);

CREATE INDEX IF NOT EXISTS slack_deliveries_claimed_at ON app.slack_deliveries (claimed_at);

-- A Slack thread (team, channel, thread ts) continues one shoebox thread per person, so
-- follow-ups keep context (a shoebox thread belongs to one user).
CREATE TABLE IF NOT EXISTS app.slack_threads (
  team_id text NOT NULL,
  channel_id text NOT NULL,
  thread_ts text NOT NULL,
  user_id text NOT NULL,
  thread_id text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (team_id, channel_id, thread_ts, user_id)
);

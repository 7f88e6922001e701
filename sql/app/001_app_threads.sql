-- Conversation memory: a thread belongs to one user; each turn keeps the answer (without its PNG),
-- the planner's context for follow-ups and the model's messages for the next model call.
CREATE TABLE app.threads (
  id text PRIMARY KEY,
  user_id text NOT NULL,
  title text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX threads_user_updated ON app.threads (user_id, updated_at DESC);

CREATE TABLE app.turns (
  answer_id text PRIMARY KEY,
  thread_id text NOT NULL REFERENCES app.threads (id),
  seq integer NOT NULL,
  user_id text NOT NULL,
  channel jsonb NOT NULL,
  kind text NOT NULL,
  question text NOT NULL,
  answer jsonb NOT NULL,
  context jsonb NOT NULL,
  messages jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  UNIQUE (thread_id, seq)
);
CREATE INDEX turns_created ON app.turns (created_at);

-- Feedback on answers (one rating per user per answer: a second rating replaces the first) and the
-- verified queries admins save from corrections, which the planner and the model use from then on.
CREATE TABLE app.feedback (
  id text PRIMARY KEY,
  answer_id text NOT NULL REFERENCES app.turns (answer_id),
  user_id text NOT NULL,
  rating text NOT NULL CHECK (rating IN ('up', 'down')),
  comment text,
  channel text NOT NULL,
  created_at timestamptz NOT NULL,
  resolved_at timestamptz,
  UNIQUE (answer_id, user_id)
);
CREATE INDEX feedback_created ON app.feedback (created_at DESC);

CREATE TABLE app.verified_queries (
  id text PRIMARY KEY,
  question text NOT NULL,
  query jsonb NOT NULL,
  created_by text NOT NULL,
  from_feedback_id text REFERENCES app.feedback (id),
  created_at timestamptz NOT NULL
);

-- The web app's sign-in state: users with bcrypt hashes and roles, sessions (only a hash of the
-- cookie's id is stored) and rate-limit counters. Kept in the database, not in process memory, so
-- two web instances behind one load balancer share them.
CREATE TABLE IF NOT EXISTS app.users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
  display_name text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 100),
  password_hash text NOT NULL CHECK (password_hash LIKE '$2%'),
  roles text[] NOT NULL CHECK (roles <@ ARRAY['manager', 'finance', 'admin']::text[] AND cardinality(roles) >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  disabled_at timestamptz
);

CREATE TABLE IF NOT EXISTS app.sessions (
  -- SHA-256 (hex) of the random 32-byte id the cookie carries
  id_hash text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
  user_id text NOT NULL REFERENCES app.users (id) ON DELETE CASCADE,
  -- the synchronizer token forms and fetch() send back; per session
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_user ON app.sessions (user_id);
CREATE INDEX IF NOT EXISTS sessions_by_expiry ON app.sessions (expires_at);

-- Fixed-window counters: one row per (bucket key, window start).
CREATE TABLE IF NOT EXISTS app.rate_limits (
  bucket text NOT NULL CHECK (char_length(bucket) BETWEEN 1 AND 300),
  window_start timestamptz NOT NULL,
  hits integer NOT NULL,
  PRIMARY KEY (bucket, window_start)
);

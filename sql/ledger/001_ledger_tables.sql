-- The double-entry ledger: chart of accounts, counterparties, the audit trail of requests,
-- drafts awaiting confirmation, journal entries and their postings, attachments, and the
-- idempotency keys of every write. Amounts are integer minor units (bigint) with an ISO currency.
-- Runs unchanged on PGlite and on Postgres (AWS RDS).

CREATE TABLE ledger_accounts (
  code text PRIMARY KEY CHECK (code ~ '^[A-Za-z0-9._-]{1,20}$'),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  account_type text NOT NULL CHECK (account_type IN ('asset', 'liability', 'equity', 'revenue', 'expense')),
  normal_balance text NOT NULL CHECK (normal_balance IN ('debit', 'credit')),
  description text NOT NULL DEFAULT ''
);

-- Other words people use for an account; the parser matches against these and the name.
CREATE TABLE ledger_account_synonyms (
  account_code text NOT NULL REFERENCES ledger_accounts (code),
  synonym text NOT NULL CHECK (char_length(synonym) BETWEEN 1 AND 120),
  PRIMARY KEY (account_code, synonym)
);

CREATE TABLE ledger_counterparties (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 120),
  -- lower-cased name: "Saphir" and "saphir" are one counterparty
  name_key text NOT NULL UNIQUE
);

-- The audit trail: who asked, from where (web, Slack team/channel/message, cli), when, with what text.
CREATE TABLE ledger_requests (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  action text NOT NULL CHECK (action IN ('draft', 'confirm', 'cancel', 'reverse', 'import')),
  user_id text NOT NULL CHECK (char_length(user_id) BETWEEN 1 AND 200),
  roles text[] NOT NULL,
  channel_kind text NOT NULL CHECK (channel_kind IN ('web', 'slack', 'cli')),
  channel jsonb NOT NULL,
  request_text text CHECK (char_length(request_text) <= 2000),
  idempotency_key text NOT NULL,
  requested_at timestamptz NOT NULL
);

-- Every write's idempotency key and request hash: same key + same hash returns `result`.
CREATE TABLE ledger_idempotency (
  key text PRIMARY KEY CHECK (char_length(key) BETWEEN 1 AND 200),
  operation text NOT NULL,
  request_hash text NOT NULL CHECK (request_hash ~ '^[0-9a-f]{64}$'),
  result jsonb,
  created_at timestamptz NOT NULL
);

CREATE TABLE ledger_entries (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_number text NOT NULL UNIQUE CHECK (char_length(entry_number) BETWEEN 1 AND 40),
  entry_date date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('expense', 'income', 'supplier_payment', 'transfer', 'reversal', 'import')),
  memo text NOT NULL CHECK (char_length(memo) <= 500),
  counterparty_id bigint REFERENCES ledger_counterparties (id),
  reference text CHECK (char_length(reference) <= 80),
  source text NOT NULL CHECK (char_length(source) BETWEEN 1 AND 40),
  reversal_of bigint REFERENCES ledger_entries (id),
  -- exactly once: a second post with the same key cannot add a second entry
  idempotency_key text NOT NULL UNIQUE,
  request_id bigint REFERENCES ledger_requests (id),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  CHECK (reversal_of IS NULL OR reversal_of <> id)
);
-- A correction references its original once: one reversal per entry.
CREATE UNIQUE INDEX ledger_entries_one_reversal ON ledger_entries (reversal_of) WHERE reversal_of IS NOT NULL;
CREATE INDEX ledger_entries_by_date ON ledger_entries (entry_date, id);

CREATE TABLE ledger_postings (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entry_id bigint NOT NULL REFERENCES ledger_entries (id),
  line_number integer NOT NULL CHECK (line_number >= 1),
  account_code text NOT NULL REFERENCES ledger_accounts (code),
  -- debit positive, credit negative; never zero, at most 10^15 minor units
  amount_minor bigint NOT NULL CHECK (amount_minor <> 0 AND abs(amount_minor) <= 1000000000000000),
  currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  cost_center text CHECK (char_length(cost_center) <= 20),
  UNIQUE (entry_id, line_number)
);
CREATE INDEX ledger_postings_by_account ON ledger_postings (account_code);

CREATE TABLE ledger_drafts (
  id uuid PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'cancelled')),
  draft jsonb NOT NULL,
  created_by text NOT NULL,
  request_id bigint NOT NULL REFERENCES ledger_requests (id),
  created_at timestamptz NOT NULL,
  -- a draft posts at most one entry
  entry_id bigint UNIQUE REFERENCES ledger_entries (id),
  resolved_by text,
  resolved_at timestamptz,
  CHECK ((status = 'confirmed') = (entry_id IS NOT NULL)),
  CHECK ((status = 'pending') = (resolved_at IS NULL))
);
CREATE INDEX ledger_drafts_by_creator ON ledger_drafts (created_by, created_at);

-- Receipt references: a URI (Slack file, S3 object, URL) and its hash, never the file itself.
CREATE TABLE ledger_attachments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  draft_id uuid REFERENCES ledger_drafts (id),
  entry_id bigint REFERENCES ledger_entries (id),
  uri text NOT NULL CHECK (char_length(uri) BETWEEN 1 AND 2000),
  sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content_type text,
  added_by text NOT NULL,
  added_at timestamptz NOT NULL,
  CHECK (draft_id IS NOT NULL OR entry_id IS NOT NULL)
);

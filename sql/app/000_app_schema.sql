-- Application state (threads, feedback, web sessions, Slack event dedupe) lives in its own schema,
-- apart from the ledger's tables, in the database APP_DATABASE_URL names (the ledger's by default).
CREATE SCHEMA IF NOT EXISTS app;

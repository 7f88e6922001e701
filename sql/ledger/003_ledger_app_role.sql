-- The application role: SELECT and INSERT only on the append-only tables. Created only when the
-- migrating user may create roles (a Postgres superuser or CREATEROLE; on RDS the master user);
-- otherwise skipped, and the triggers of 002 still refuse every UPDATE and DELETE.
-- Roles are cluster-wide: two databases migrating at once may race on CREATE ROLE, hence the
-- exception handler.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = current_user AND (rolsuper OR rolcreaterole)) THEN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'shoebox_ledger_app') THEN
      BEGIN
        CREATE ROLE shoebox_ledger_app NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
      END;
    END IF;
    GRANT SELECT, INSERT ON ledger_entries, ledger_postings, ledger_requests, ledger_attachments,
      ledger_counterparties TO shoebox_ledger_app;
    GRANT SELECT, INSERT, UPDATE ON ledger_drafts, ledger_idempotency TO shoebox_ledger_app;
    GRANT SELECT ON ledger_accounts, ledger_account_synonyms TO shoebox_ledger_app;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO shoebox_ledger_app', current_schema());
    EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO shoebox_ledger_app', current_schema());
  END IF;
END $$;

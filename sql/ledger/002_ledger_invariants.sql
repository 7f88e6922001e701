-- Invariants held by the database itself, whoever writes: the service, an import, or psql.

-- An entry has at least two postings, balances per currency, and a reversal mirrors its original.
CREATE FUNCTION ledger_assert_entry_valid(target bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  lines bigint;
  off_currency text;
  off_total numeric;
  original bigint;
BEGIN
  -- One pass over the entry's postings: line count and the first currency that does not balance.
  SELECT sum(n), min(currency) FILTER (WHERE total <> 0), min(total) FILTER (WHERE total <> 0)
    INTO lines, off_currency, off_total
    FROM (SELECT currency, count(*) AS n, sum(amount_minor) AS total
            FROM ledger_postings WHERE entry_id = target GROUP BY currency) per_currency;
  IF coalesce(lines, 0) < 2 THEN
    RAISE EXCEPTION 'journal entry % has % posting(s); an entry needs at least two', target, coalesce(lines, 0)
      USING ERRCODE = '23514';
  END IF;
  IF off_currency IS NOT NULL THEN
    RAISE EXCEPTION 'journal entry % does not balance in %: debits minus credits = % minor units',
      target, off_currency, off_total USING ERRCODE = '23514';
  END IF;
  SELECT reversal_of INTO original FROM ledger_entries WHERE id = target;
  IF original IS NOT NULL AND EXISTS (
    SELECT 1 FROM ledger_postings WHERE entry_id IN (target, original)
      GROUP BY account_code, currency HAVING sum(amount_minor) <> 0
  ) THEN
    RAISE EXCEPTION 'journal entry % does not exactly reverse entry %', target, original
      USING ERRCODE = '23514';
  END IF;
END $$;

CREATE FUNCTION ledger_check_entry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ledger_assert_entry_valid(NEW.id);
  RETURN NULL;
END $$;

-- A posting added to an entry inserted by this same transaction (age(xmin) = 0) is covered by
-- that entry's own deferred check; only postings added to older entries need one of their own.
CREATE FUNCTION ledger_check_posting() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM ledger_entries WHERE id = NEW.entry_id AND age(xmin) = 0) THEN
    PERFORM ledger_assert_entry_valid(NEW.entry_id);
  END IF;
  RETURN NULL;
END $$;

-- Checked at COMMIT, so an entry and its postings can be inserted in any order in one transaction.
CREATE CONSTRAINT TRIGGER ledger_entries_valid AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_entry();
CREATE CONSTRAINT TRIGGER ledger_postings_balanced AFTER INSERT ON ledger_postings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_check_posting();

-- A reversal cannot itself be reversed (the unique index allows one reversal per entry).
CREATE FUNCTION ledger_check_reversal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.reversal_of IS NOT NULL
     AND (SELECT reversal_of FROM ledger_entries WHERE id = NEW.reversal_of) IS NOT NULL THEN
    RAISE EXCEPTION 'journal entry % is itself a reversal and cannot be reversed; record a new entry instead',
      NEW.reversal_of USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER ledger_entries_no_reversal_of_reversal BEFORE INSERT ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_check_reversal();

-- Append-only: entries, postings and the audit trail are never edited or deleted, by anyone.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is refused; post a reversal entry instead', TG_TABLE_NAME, TG_OP
    USING ERRCODE = '42501';
END $$;
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_postings_append_only BEFORE UPDATE OR DELETE ON ledger_postings
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_postings_no_truncate BEFORE TRUNCATE ON ledger_postings
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_requests_append_only BEFORE UPDATE OR DELETE ON ledger_requests
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_requests_no_truncate BEFORE TRUNCATE ON ledger_requests
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

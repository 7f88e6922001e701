-- Posts one journal entry: its audit row, counterparty, entry, postings and (for a confirm) the
-- draft's new status, in one statement. A function, so its plan is prepared once per session
-- instead of on every confirm (this statement is the most expensive part of a confirmed write).
-- SECURITY INVOKER (the default): it runs with the caller's grants, so the application role's
-- SELECT/INSERT-only limits and every trigger still apply.
CREATE FUNCTION ledger_post_entry(
  p_action text, p_user text, p_roles text[], p_channel_kind text, p_channel jsonb, p_text text,
  p_key text, p_at timestamptz, p_counterparty text, p_entry_date date, p_kind text, p_memo text,
  p_reversal_of bigint, p_accounts text[], p_amounts bigint[], p_currencies text[], p_draft uuid
) RETURNS TABLE (posted_id bigint, posted_number text) LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY
WITH request AS (
  INSERT INTO ledger_requests (action, user_id, roles, channel_kind, channel, request_text, idempotency_key, requested_at)
  VALUES (p_action, p_user, p_roles, p_channel_kind, p_channel, p_text, p_key, p_at) RETURNING id),
-- DO NOTHING, not DO UPDATE: the application role has no UPDATE on counterparties. The SELECT
-- cannot see the CTE's new row (one snapshot), hence the UNION ALL.
added AS (
  INSERT INTO ledger_counterparties (name, name_key) SELECT p_counterparty, lower(p_counterparty) WHERE p_counterparty IS NOT NULL
  ON CONFLICT (name_key) DO NOTHING RETURNING id),
party AS (
  SELECT id FROM added UNION ALL SELECT id FROM ledger_counterparties WHERE name_key = lower(p_counterparty) LIMIT 1),
next AS (SELECT nextval(pg_get_serial_sequence('ledger_entries', 'id')) AS id),
entry AS (
  INSERT INTO ledger_entries (id, entry_number, entry_date, kind, memo, counterparty_id, source, reversal_of,
                              idempotency_key, request_id, created_by, created_at)
  OVERRIDING SYSTEM VALUE
  SELECT next.id, 'LE' || lpad(next.id::text, 8, '0'), p_entry_date, p_kind, p_memo, (SELECT id FROM party), 'shoebox', p_reversal_of,
         p_key, (SELECT id FROM request), p_user, p_at
    FROM next
  RETURNING id, entry_number),
lines AS (
  INSERT INTO ledger_postings (entry_id, line_number, account_code, amount_minor, currency)
  SELECT entry.id, p.n, p.account, p.amount, p.currency
    FROM entry, unnest(p_accounts, p_amounts, p_currencies) WITH ORDINALITY AS p(account, amount, currency, n)
  RETURNING 1),
draft AS (
  UPDATE ledger_drafts SET status = 'confirmed', entry_id = (SELECT id FROM entry), resolved_by = p_user, resolved_at = p_at
   WHERE id = p_draft RETURNING 1)
SELECT entry.id, entry.entry_number FROM entry, (SELECT count(*) FROM lines) l, (SELECT count(*) FROM draft) d;
END $$;

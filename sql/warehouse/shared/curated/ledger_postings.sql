-- curated.ledger_postings: one row per journal line in USD; net_debit_amount = debit - credit.
-- One of the only objects the assistant reads: names here are a contract; add, never rename.
DROP VIEW IF EXISTS curated.ledger_postings;
CREATE VIEW curated.ledger_postings AS
SELECT
  journal_line_id,
  journal_entry_id,
  entry_number,
  line_number,
  entry_date,
  date_key,
  account_code,
  store_key,
  cost_center,
  source,
  reference,
  memo,
  currency,
  debit_amount,
  credit_amount,
  net_debit_amount
FROM dw.fact_ledger_posting;

-- curated.expenses: the accountants' expense rows, one per expense.
-- One of the only objects the assistant reads: names here are a contract; add, never rename.
DROP VIEW IF EXISTS curated.expenses;
CREATE VIEW curated.expenses AS
SELECT
  expense_id,
  expense_date,
  date_key,
  account_code,
  store_key,
  vendor,
  description,
  category,
  payment_method,
  reference,
  amount,
  source_file,
  loaded_at
FROM dw.fact_expense;

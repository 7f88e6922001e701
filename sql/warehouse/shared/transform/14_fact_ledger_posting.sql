-- requires schema: ledger_raw
-- dw.fact_ledger_posting: one row per journal line. The ledger keeps integer cents; the
-- warehouse keeps DECIMAL(14,2) (x 0.01 as a decimal, exact on every engine). Every demo entry
-- is in USD; a currency with another number of minor digits would need its exponent here.
-- The cost centre is a store code (or HQ): unmatched ones map to store 0, head office.
INSERT INTO dw.{{target}} (
  journal_line_id, journal_entry_id, entry_number, line_number, entry_date, date_key,
  account_code, store_key, cost_center, source, reference, memo, currency, debit_amount,
  credit_amount, net_debit_amount
)
SELECT jl.journal_line_id, jl.journal_entry_id, je.entry_number, jl.line_number, je.entry_date,
  CAST(EXTRACT(YEAR FROM je.entry_date) * 10000 + EXTRACT(MONTH FROM je.entry_date) * 100 + EXTRACT(DAY FROM je.entry_date) AS INTEGER),
  jl.account_code, COALESCE(s.store_id, 0), jl.cost_center, je.source, je.reference, je.memo,
  jl.currency,
  CAST(CAST(jl.debit_minor AS DECIMAL(18,0)) * 0.01 AS DECIMAL(14,2)),
  CAST(CAST(jl.credit_minor AS DECIMAL(18,0)) * 0.01 AS DECIMAL(14,2)),
  CAST(CAST(jl.debit_minor - jl.credit_minor AS DECIMAL(18,0)) * 0.01 AS DECIMAL(14,2))
FROM ledger_raw.journal_lines jl
JOIN ledger_raw.journal_entries je ON je.journal_entry_id = jl.journal_entry_id
LEFT JOIN erp.stores s ON s.store_code = jl.cost_center;

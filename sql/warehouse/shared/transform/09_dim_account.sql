-- requires schema: ledger_raw
-- dw.dim_account from the ledger's chart of accounts; its key is the account code itself.
INSERT INTO dw.{{target}} (account_code, account_name, account_type, normal_balance, synonyms, description)
SELECT account_code, account_name, account_type, normal_balance, synonyms, description
FROM ledger_raw.chart_of_accounts;

-- curated.accounts: the ledger's chart of accounts; the key is account_code.
-- One of the only objects the assistant reads: names here are a contract; add, never rename.
DROP VIEW IF EXISTS curated.accounts;
CREATE VIEW curated.accounts AS
SELECT
  account_code,
  account_name,
  account_type,
  normal_balance,
  synonyms,
  description
FROM dw.dim_account;

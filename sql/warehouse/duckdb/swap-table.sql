-- Swaps a rebuilt table in: dw.{{table}}__next holds the new rows. DuckDB resolves views by
-- name when they run, so the new table simply replaces the old one, in one transaction.
BEGIN TRANSACTION;
DROP TABLE dw.{{table}};
ALTER TABLE dw.{{table}}__next RENAME TO {{table}};
COMMIT;

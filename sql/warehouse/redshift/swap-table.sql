-- Swaps a rebuilt table in: dw.{{table}}__next holds the new rows. Views bind to the table itself
-- on Redshift and Postgres (dropping it would need CASCADE and take curated.* with it), so the
-- rows are moved instead. The runner sends this script as one request: one transaction on the
-- Data API (BatchExecuteStatement) and on the wire protocol (a multi-statement simple query),
-- so readers see the old rows or the new ones, never a mix. DELETE, not TRUNCATE: TRUNCATE
-- commits at once on Redshift. Redshift's automatic VACUUM DELETE reclaims the old rows.
DELETE FROM dw.{{table}};
INSERT INTO dw.{{table}} SELECT * FROM dw.{{table}}__next;
DROP TABLE dw.{{table}}__next;

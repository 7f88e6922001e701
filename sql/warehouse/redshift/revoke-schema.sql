-- Run for every other schema (dw, erp, ledger_raw, meta, ...): whatever was granted before on
-- it to the group, the user or PUBLIC is taken back, so curated.* stays the only way in.
REVOKE ALL ON ALL TABLES IN SCHEMA {{schema}} FROM GROUP {{group}};
REVOKE ALL ON SCHEMA {{schema}} FROM GROUP {{group}};
REVOKE ALL ON ALL TABLES IN SCHEMA {{schema}} FROM {{user}};
REVOKE ALL ON SCHEMA {{schema}} FROM {{user}};
REVOKE ALL ON ALL TABLES IN SCHEMA {{schema}} FROM PUBLIC;
REVOKE ALL ON SCHEMA {{schema}} FROM PUBLIC;

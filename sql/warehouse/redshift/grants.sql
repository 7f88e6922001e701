-- Read-only access for the assistant: USAGE on curated and SELECT on its views, nothing else.
-- Views run with their owner's rights, so the group needs no grant on dw.*. Default privileges
-- cover views created later by the same owner (applyWarehouseSchema recreates them).
-- The user must exist already: CREATE USER is left to the administrator (it carries a password).
ALTER GROUP {{group}} ADD USER {{user}};
GRANT USAGE ON SCHEMA curated TO GROUP {{group}};
GRANT SELECT ON ALL TABLES IN SCHEMA curated TO GROUP {{group}};
ALTER DEFAULT PRIVILEGES IN SCHEMA curated GRANT SELECT ON TABLES TO GROUP {{group}};

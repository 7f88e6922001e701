-- Read-only access for the assistant on the Postgres stand-in, as redshift/grants.sql does on
-- Redshift: membership of the reader role, USAGE on curated, SELECT on its views.
-- Views run with their owner's rights, so the role needs no grant on dw.*.
GRANT {{group}} TO {{user}};
GRANT USAGE ON SCHEMA curated TO {{group}};
GRANT SELECT ON ALL TABLES IN SCHEMA curated TO {{group}};
ALTER DEFAULT PRIVILEGES IN SCHEMA curated GRANT SELECT ON TABLES TO {{group}};

-- The role the assistant's database user is a member of (Postgres has roles, not groups). Run
-- only when the role is missing; glue/apply-warehouse-grants.ts checks pg_roles.
CREATE ROLE {{group}} NOLOGIN;

-- The group the assistant's database user belongs to. Run only when the group is missing
-- (Redshift has no CREATE GROUP IF NOT EXISTS); glue/apply-warehouse-grants.ts checks pg_group.
CREATE GROUP {{group}};

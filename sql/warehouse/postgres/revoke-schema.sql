-- Run for every other schema: grants to the role, the user or PUBLIC are taken back.
REVOKE ALL ON ALL TABLES IN SCHEMA {{schema}} FROM {{group}};
REVOKE ALL ON SCHEMA {{schema}} FROM {{group}};
REVOKE ALL ON ALL TABLES IN SCHEMA {{schema}} FROM {{user}};
REVOKE ALL ON SCHEMA {{schema}} FROM {{user}};
REVOKE ALL ON ALL TABLES IN SCHEMA {{schema}} FROM PUBLIC;
REVOKE ALL ON SCHEMA {{schema}} FROM PUBLIC;

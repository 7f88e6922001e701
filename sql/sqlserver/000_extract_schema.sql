/*
  The schema that holds the extract procedures, so the warehouse's SQL Server login can be
  granted EXECUTE on schema extract and nothing else (no SELECT on dbo).
  Run once per ERP database, before the procedure files (file-name order).
*/
IF SCHEMA_ID(N'extract') IS NULL
  EXEC (N'CREATE SCHEMA extract AUTHORIZATION dbo');
GO

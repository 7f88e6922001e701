/*
  extract.usp_extract_salespeople: incremental extract of dbo.salespeople (Store staff and wholesale account managers).

  Output contract: one result set, these columns in this order, types as the ERP declares them:
      salesperson_id  int
      employee_code   nvarchar(10)
      full_name       nvarchar(80)
      store_id        int
      role            nvarchar(40)
      hired_date      date
      left_date       date NULL
      modified_at     datetime2
      row_version     bigint
  Rows: those with row_version > @since_row_version, in ascending row_version order (ties
  broken by the primary key: salesperson_id), at most @batch_size of them.

  Watermark: row_version is the ERP's bigint change counter; it grows with modified_at within
  the table, so a changed row always comes back with a larger value. Pass 0 for a first full
  extract; then pass the row_version of the last row received. A batch with fewer than
  @batch_size rows means the caller has caught up. Rows are re-sent, never skipped, if a batch
  is retried with the same watermark, so the warehouse merge must be idempotent (by key).
  row_version is unique within the table (as SQL Server's rowversion is), so the batch
  boundary never splits a tie. If the ERP's column is a real rowversion (not an application
  counter), also bound the scan by MIN_ACTIVE_ROWVERSION(), so that a transaction still open
  cannot commit a smaller value behind the watermark; the demo's bigint column is not.

  Batching: @batch_size from 1 to 1,000,000 (default 50,000); anything else raises error 50001.
  Deleted rows are not reported (the ERP never deletes rows in these tables).
*/
CREATE OR ALTER PROCEDURE extract.usp_extract_salespeople
  @since_row_version BIGINT,
  @batch_size INT = 50000
AS
BEGIN
  SET NOCOUNT ON;
  IF @batch_size IS NULL OR @batch_size < 1 OR @batch_size > 1000000
    THROW 50001, N'@batch_size must be from 1 to 1000000', 1;
  SELECT TOP (@batch_size)
    salesperson_id,
    employee_code,
    full_name,
    store_id,
    role,
    hired_date,
    left_date,
    modified_at,
    row_version
  FROM dbo.salespeople
  WHERE row_version > @since_row_version
  ORDER BY row_version, salesperson_id;
END;
GO

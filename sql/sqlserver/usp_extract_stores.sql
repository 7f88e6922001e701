/*
  extract.usp_extract_stores: incremental extract of dbo.stores (Selling and stocking locations: physical stores, the online shop, wholesale, the warehouse).

  Output contract: one result set, these columns in this order, types as the ERP declares them:
      store_id           int
      store_code         nvarchar(10)
      store_name         nvarchar(80)
      store_type         nvarchar(12)
      region_id          int
      city               nvarchar(40) NULL
      state              nvarchar(2) NULL
      opened_date        date
      closed_date        date NULL
      size_sqft          int NULL
      stock_location_id  int
      modified_at        datetime2
      row_version        bigint
  Rows: those with row_version > @since_row_version, in ascending row_version order (ties
  broken by the primary key: store_id), at most @batch_size of them.

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
CREATE OR ALTER PROCEDURE extract.usp_extract_stores
  @since_row_version BIGINT,
  @batch_size INT = 50000
AS
BEGIN
  SET NOCOUNT ON;
  IF @batch_size IS NULL OR @batch_size < 1 OR @batch_size > 1000000
    THROW 50001, N'@batch_size must be from 1 to 1000000', 1;
  SELECT TOP (@batch_size)
    store_id,
    store_code,
    store_name,
    store_type,
    region_id,
    city,
    state,
    opened_date,
    closed_date,
    size_sqft,
    stock_location_id,
    modified_at,
    row_version
  FROM dbo.stores
  WHERE row_version > @since_row_version
  ORDER BY row_version, store_id;
END;
GO

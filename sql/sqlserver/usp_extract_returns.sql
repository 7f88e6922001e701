/*
  extract.usp_extract_returns: incremental extract of dbo.returns (Units brought or sent back, each linked to the order line it came from).

  Output contract: one result set, these columns in this order, types as the ERP declares them:
      return_id            int
      sales_order_line_id  int
      sales_order_id       int
      sku_id               int
      store_id             int
      return_date          date
      quantity             int
      reason               nvarchar(30)
      refund_amount        decimal(12,2)
      restocked            bit
      modified_at          datetime2
      row_version          bigint
  Rows: those with row_version > @since_row_version, in ascending row_version order (ties
  broken by the primary key: return_id), at most @batch_size of them.

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
CREATE OR ALTER PROCEDURE extract.usp_extract_returns
  @since_row_version BIGINT,
  @batch_size INT = 50000
AS
BEGIN
  SET NOCOUNT ON;
  IF @batch_size IS NULL OR @batch_size < 1 OR @batch_size > 1000000
    THROW 50001, N'@batch_size must be from 1 to 1000000', 1;
  SELECT TOP (@batch_size)
    return_id,
    sales_order_line_id,
    sales_order_id,
    sku_id,
    store_id,
    return_date,
    quantity,
    reason,
    refund_amount,
    restocked,
    modified_at,
    row_version
  FROM dbo.returns
  WHERE row_version > @since_row_version
  ORDER BY row_version, return_id;
END;
GO

/*
  extract.usp_extract_sales_orders: incremental extract of dbo.sales_orders (Sales order headers: one per till receipt, web order or wholesale order).

  Output contract: one result set, these columns in this order, types as the ERP declares them:
      sales_order_id  int
      order_number    nvarchar(16)
      order_date      date
      order_datetime  datetime2
      store_id        int
      channel_id      int
      customer_id     int NULL
      salesperson_id  int NULL
      promotion_id    int NULL
      line_count      int
      total_amount    decimal(12,2)
      modified_at     datetime2
      row_version     bigint
  Rows: those with row_version > @since_row_version, in ascending row_version order (ties
  broken by the primary key: sales_order_id), at most @batch_size of them.

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
CREATE OR ALTER PROCEDURE extract.usp_extract_sales_orders
  @since_row_version BIGINT,
  @batch_size INT = 50000
AS
BEGIN
  SET NOCOUNT ON;
  IF @batch_size IS NULL OR @batch_size < 1 OR @batch_size > 1000000
    THROW 50001, N'@batch_size must be from 1 to 1000000', 1;
  SELECT TOP (@batch_size)
    sales_order_id,
    order_number,
    order_date,
    order_datetime,
    store_id,
    channel_id,
    customer_id,
    salesperson_id,
    promotion_id,
    line_count,
    total_amount,
    modified_at,
    row_version
  FROM dbo.sales_orders
  WHERE row_version > @since_row_version
  ORDER BY row_version, sales_order_id;
END;
GO

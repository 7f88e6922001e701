/*
  extract.usp_reconcile_purchase_orders: reconciliation figures of dbo.purchase_orders (Orders to suppliers, delivered straight to the ordering location).

  Output contract: one result set, these columns in this order:
      figure_day  date NULL
      row_count   int
      line_count  varchar(40)
      total_cost  varchar(40)
  Rows: one per distinct order_date in dbo.purchase_orders, in ascending figure_day order; figure_day is
  that order_date, row_count the rows of that day, each sum that day's total.
  Day column: order_date
  Sum columns: line_count, total_cost

  Every row the table holds now is counted, not only changed ones: the pipeline compares these
  figures with the warehouse's after a load. Sums are exact: integer columns are summed as
  bigint, decimal columns as decimal(38, the column's scale), and both are returned as text
  (e.g. 12345.67) so that no driver turns them into floating point; NULLs count as 0.
*/
CREATE OR ALTER PROCEDURE extract.usp_reconcile_purchase_orders
AS
BEGIN
  SET NOCOUNT ON;
  SELECT
    order_date AS figure_day,
    COUNT(*) AS row_count,
    CAST(COALESCE(SUM(CAST(line_count AS bigint)), 0) AS varchar(40)) AS line_count,
    CAST(COALESCE(SUM(CAST(total_cost AS decimal(38,2))), 0) AS varchar(40)) AS total_cost
  FROM dbo.purchase_orders
  GROUP BY order_date
  ORDER BY order_date;
END;
GO

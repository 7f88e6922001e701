/*
  extract.usp_reconcile_inventory_snapshots: reconciliation figures of dbo.inventory_snapshots (End-of-day stock per SKU per stocking location (daily, or weekly at small scales)).

  Output contract: one result set, these columns in this order:
      figure_day         date NULL
      row_count          int
      quantity_on_hand   varchar(40)
      quantity_on_order  varchar(40)
      stock_value        varchar(40)
  Rows: one per distinct snapshot_date in dbo.inventory_snapshots, in ascending figure_day order; figure_day is
  that snapshot_date, row_count the rows of that day, each sum that day's total.
  Day column: snapshot_date
  Sum columns: quantity_on_hand, quantity_on_order, stock_value

  Every row the table holds now is counted, not only changed ones: the pipeline compares these
  figures with the warehouse's after a load. Sums are exact: integer columns are summed as
  bigint, decimal columns as decimal(38, the column's scale), and both are returned as text
  (e.g. 12345.67) so that no driver turns them into floating point; NULLs count as 0.
*/
CREATE OR ALTER PROCEDURE extract.usp_reconcile_inventory_snapshots
AS
BEGIN
  SET NOCOUNT ON;
  SELECT
    snapshot_date AS figure_day,
    COUNT(*) AS row_count,
    CAST(COALESCE(SUM(CAST(quantity_on_hand AS bigint)), 0) AS varchar(40)) AS quantity_on_hand,
    CAST(COALESCE(SUM(CAST(quantity_on_order AS bigint)), 0) AS varchar(40)) AS quantity_on_order,
    CAST(COALESCE(SUM(CAST(stock_value AS decimal(38,2))), 0) AS varchar(40)) AS stock_value
  FROM dbo.inventory_snapshots
  GROUP BY snapshot_date
  ORDER BY snapshot_date;
END;
GO

/*
  extract.usp_reconcile_purchase_order_lines: reconciliation figures of dbo.purchase_order_lines (Purchase order lines).

  Output contract: one result set, these columns in this order:
      figure_day         date NULL
      row_count          int
      quantity_ordered   varchar(40)
      quantity_received  varchar(40)
      line_cost          varchar(40)
  Rows: exactly one, for the whole table: figure_day is NULL (the table has no day to group by),
  row_count its rows, each sum the table's total.
  Day column: (none)
  Sum columns: quantity_ordered, quantity_received, line_cost

  Every row the table holds now is counted, not only changed ones: the pipeline compares these
  figures with the warehouse's after a load. Sums are exact: integer columns are summed as
  bigint, decimal columns as decimal(38, the column's scale), and both are returned as text
  (e.g. 12345.67) so that no driver turns them into floating point; NULLs count as 0.
*/
CREATE OR ALTER PROCEDURE extract.usp_reconcile_purchase_order_lines
AS
BEGIN
  SET NOCOUNT ON;
  SELECT
    CAST(NULL AS date) AS figure_day,
    COUNT(*) AS row_count,
    CAST(COALESCE(SUM(CAST(quantity_ordered AS bigint)), 0) AS varchar(40)) AS quantity_ordered,
    CAST(COALESCE(SUM(CAST(quantity_received AS bigint)), 0) AS varchar(40)) AS quantity_received,
    CAST(COALESCE(SUM(CAST(line_cost AS decimal(38,2))), 0) AS varchar(40)) AS line_cost
  FROM dbo.purchase_order_lines;
END;
GO

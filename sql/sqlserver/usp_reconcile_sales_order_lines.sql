/*
  extract.usp_reconcile_sales_order_lines: reconciliation figures of dbo.sales_order_lines (Sales order lines: one SKU in one size).

  Output contract: one result set, these columns in this order:
      figure_day       date NULL
      row_count        int
      quantity         varchar(40)
      discount_amount  varchar(40)
      net_amount       varchar(40)
  Rows: exactly one, for the whole table: figure_day is NULL (the table has no day to group by),
  row_count its rows, each sum the table's total.
  Day column: (none)
  Sum columns: quantity, discount_amount, net_amount

  Every row the table holds now is counted, not only changed ones: the pipeline compares these
  figures with the warehouse's after a load. Sums are exact: integer columns are summed as
  bigint, decimal columns as decimal(38, the column's scale), and both are returned as text
  (e.g. 12345.67) so that no driver turns them into floating point; NULLs count as 0.
*/
CREATE OR ALTER PROCEDURE extract.usp_reconcile_sales_order_lines
AS
BEGIN
  SET NOCOUNT ON;
  SELECT
    CAST(NULL AS date) AS figure_day,
    COUNT(*) AS row_count,
    CAST(COALESCE(SUM(CAST(quantity AS bigint)), 0) AS varchar(40)) AS quantity,
    CAST(COALESCE(SUM(CAST(discount_amount AS decimal(38,2))), 0) AS varchar(40)) AS discount_amount,
    CAST(COALESCE(SUM(CAST(net_amount AS decimal(38,2))), 0) AS varchar(40)) AS net_amount
  FROM dbo.sales_order_lines;
END;
GO

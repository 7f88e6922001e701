/*
  extract.usp_reconcile_products: reconciliation figures of dbo.products (SKUs: one style in one colour of one line; sizes are chosen on the order line).

  Output contract: one result set, these columns in this order:
      figure_day       date NULL
      row_count        int
      unit_cost        varchar(40)
      list_price       varchar(40)
      wholesale_price  varchar(40)
  Rows: exactly one, for the whole table: figure_day is NULL (the table has no day to group by),
  row_count its rows, each sum the table's total.
  Day column: (none)
  Sum columns: unit_cost, list_price, wholesale_price

  Every row the table holds now is counted, not only changed ones: the pipeline compares these
  figures with the warehouse's after a load. Sums are exact: integer columns are summed as
  bigint, decimal columns as decimal(38, the column's scale), and both are returned as text
  (e.g. 12345.67) so that no driver turns them into floating point; NULLs count as 0.
*/
CREATE OR ALTER PROCEDURE extract.usp_reconcile_products
AS
BEGIN
  SET NOCOUNT ON;
  SELECT
    CAST(NULL AS date) AS figure_day,
    COUNT(*) AS row_count,
    CAST(COALESCE(SUM(CAST(unit_cost AS decimal(38,2))), 0) AS varchar(40)) AS unit_cost,
    CAST(COALESCE(SUM(CAST(list_price AS decimal(38,2))), 0) AS varchar(40)) AS list_price,
    CAST(COALESCE(SUM(CAST(wholesale_price AS decimal(38,2))), 0) AS varchar(40)) AS wholesale_price
  FROM dbo.products;
END;
GO

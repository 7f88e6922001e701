/*
  extract.usp_reconcile_promotions: reconciliation figures of dbo.promotions (Price promotions: a percentage off a category (or everything) for a date range).

  Output contract: one result set, these columns in this order:
      figure_day  date NULL
      row_count   int
  Rows: exactly one, for the whole table: figure_day is NULL (the table has no day to group by),
  row_count its rows, each sum the table's total.
  Day column: (none)
  Sum columns: (none)

  Every row the table holds now is counted, not only changed ones: the pipeline compares these
  figures with the warehouse's after a load. Sums are exact: integer columns are summed as
  bigint, decimal columns as decimal(38, the column's scale), and both are returned as text
  (e.g. 12345.67) so that no driver turns them into floating point; NULLs count as 0.
*/
CREATE OR ALTER PROCEDURE extract.usp_reconcile_promotions
AS
BEGIN
  SET NOCOUNT ON;
  SELECT
    CAST(NULL AS date) AS figure_day,
    COUNT(*) AS row_count
  FROM dbo.promotions;
END;
GO

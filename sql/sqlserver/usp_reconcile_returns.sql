/*
  extract.usp_reconcile_returns: reconciliation figures of dbo.returns (Units brought or sent back, each linked to the order line it came from).

  Output contract: one result set, these columns in this order:
      figure_day     date NULL
      row_count      int
      quantity       varchar(40)
      refund_amount  varchar(40)
  Rows: one per distinct return_date in dbo.returns, in ascending figure_day order; figure_day is
  that return_date, row_count the rows of that day, each sum that day's total.
  Day column: return_date
  Sum columns: quantity, refund_amount

  Every row the table holds now is counted, not only changed ones: the pipeline compares these
  figures with the warehouse's after a load. Sums are exact: integer columns are summed as
  bigint, decimal columns as decimal(38, the column's scale), and both are returned as text
  (e.g. 12345.67) so that no driver turns them into floating point; NULLs count as 0.
*/
CREATE OR ALTER PROCEDURE extract.usp_reconcile_returns
AS
BEGIN
  SET NOCOUNT ON;
  SELECT
    return_date AS figure_day,
    COUNT(*) AS row_count,
    CAST(COALESCE(SUM(CAST(quantity AS bigint)), 0) AS varchar(40)) AS quantity,
    CAST(COALESCE(SUM(CAST(refund_amount AS decimal(38,2))), 0) AS varchar(40)) AS refund_amount
  FROM dbo.returns
  GROUP BY return_date
  ORDER BY return_date;
END;
GO

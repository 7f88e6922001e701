/**
 * Adapters read one row past maxRows to learn whether more existed without reading it all;
 * this trims that extra row and says whether the result was truncated.
 */
export function capRows<T>(rows: T[], maxRows: number): { rows: T[]; truncated: boolean } {
  const truncated = rows.length > maxRows;
  return { rows: truncated ? rows.slice(0, maxRows) : rows, truncated };
}

/** The number of rows to read: maxRows + 1, or all of them. */
export function rowsToRead(maxRows: number | undefined): number {
  return maxRows === undefined ? Number.POSITIVE_INFINITY : maxRows + 1;
}

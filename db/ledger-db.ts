/**
 * The ledger database contract: Postgres semantics, on PGlite (embedded default, a directory)
 * or a Postgres server (`pg`, AWS RDS in production). Migrations and the ledger domain use
 * only this interface.
 */

export interface LedgerQueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

export interface LedgerSession {
  /** One parameterised statement ($1, $2 ...). */
  query<Row = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<LedgerQueryResult<Row>>;
}

/**
 * Both engines return the same value types (db/ledger-values.ts): int8 as a number (a string
 * beyond 2^53), numeric as its exact string, date as 'YYYY-MM-DD', timestamp and timestamptz as
 * Date (a timestamp without zone read as UTC), json parsed. Errors are CodedError
 * LEDGER_QUERY_FAILED with the SQLSTATE in `details.sqlState`.
 */
export interface LedgerDb extends LedgerSession {
  readonly kind: 'pglite' | 'postgres';
  /** A redacted description of where this database is, safe for logs. */
  readonly description: string;
  /** Runs a multi-statement script with no parameters (migrations). */
  exec(script: string): Promise<void>;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (session: LedgerSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

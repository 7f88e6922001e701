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
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<LedgerQueryResult<Row>>;
}

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

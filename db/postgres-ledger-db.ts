/**
 * The ledger on a Postgres server (AWS RDS in production) through a `pg` Pool. Transactions
 * run on one dedicated client: BEGIN, the work, COMMIT, or ROLLBACK if the work throws.
 */
import pg from 'pg';
import { describeUrl } from './describe-url.ts';
import type { LedgerDb, LedgerQueryResult, LedgerSession } from './ledger-db.ts';
import { ledgerError } from './ledger-errors.ts';
import { LEDGER_PARSERS } from './ledger-values.ts';
import { mapErrors } from './map-errors.ts';

/** The ledger's own parsers for this pool only; pg's global registry stays untouched. */
const LEDGER_PG_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) =>
    LEDGER_PARSERS[oid] ??
    pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

export class PostgresLedgerDb implements LedgerDb {
  readonly kind = 'postgres';
  readonly description: string;
  private readonly pool: pg.Pool;

  constructor(url: string, options: { maxConnections?: number } = {}) {
    this.description = describeUrl(url);
    this.pool = new pg.Pool({
      connectionString: url,
      types: LEDGER_PG_TYPES,
      max: options.maxConnections ?? 5,
    });
    // A dropped idle connection is reported by the next query, not as a crash.
    this.pool.on('error', () => undefined);
  }

  query<Row = Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
    return runOn<Row>(this.pool, sql, params);
  }

  async exec(script: string): Promise<void> {
    // No parameters: pg uses the simple protocol, which runs a multi-statement script.
    await mapErrors(() => this.pool.query(script), ledgerError);
  }

  async transaction<T>(work: (session: LedgerSession) => Promise<T>): Promise<T> {
    const client = await mapErrors(() => this.pool.connect(), ledgerError);
    let broken = false;
    try {
      await runOn(client, 'BEGIN', []);
      const result = await work({ query: (sql, params = []) => runOn(client, sql, params) });
      await runOn(client, 'COMMIT', []);
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function runOn<Row>(
  db: pg.Pool | pg.PoolClient,
  sql: string,
  params: readonly unknown[],
): Promise<LedgerQueryResult<Row>> {
  return mapErrors(async () => {
    const result = await db.query(sql, [...params]);
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? 0 };
  }, ledgerError);
}

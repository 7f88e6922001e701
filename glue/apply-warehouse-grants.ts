/**
 * Gives the assistant's database user read access to curated.* and nothing else: a reader
 * group (Redshift) or role (Postgres) with USAGE + SELECT on curated, and every other non-system
 * schema revoked. DuckDB has no users or grants; there it reports that nothing was applied.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { assertIdentifier, fillTemplate } from './sql-script.ts';
import { readWarehouseSql } from './warehouse-sql.ts';

export interface WarehouseGrantsOptions {
  /** The assistant's existing database user. */
  user: string;
  /** The reader group or role to create or reuse; default shoebox_readers. */
  group?: string;
}

export interface WarehouseGrantsResult {
  applied: boolean;
  group?: string;
  /** Schemas whose grants were revoked. */
  revoked: string[];
  reason?: string;
}

const SYSTEM_SCHEMAS = new Set(['curated', 'public', 'information_schema']);

export async function applyWarehouseGrants(
  warehouse: Warehouse,
  options: WarehouseGrantsOptions,
): Promise<WarehouseGrantsResult> {
  if (warehouse.dialect === 'duckdb') {
    return { applied: false, revoked: [], reason: 'DuckDB has no users or grants' };
  }
  const user = assertIdentifier(options.user, 'warehouse reader user');
  const group = assertIdentifier(options.group ?? 'shoebox_readers', 'warehouse reader group');
  const users = await warehouse.query('SELECT usename FROM pg_user WHERE usename = $1', [user]);
  if (users.rows.length === 0) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `the warehouse has no user "${user}"; create it first (CREATE USER ${user} PASSWORD '...'), then apply the grants`,
    );
  }
  const groups = await warehouse.query('SELECT groname FROM pg_group WHERE groname = $1', [group]);
  if (groups.rows.length === 0) {
    await warehouse.execute(
      fillTemplate(readWarehouseSql(warehouse.dialect, 'create-reader-group.sql'), { group }),
    );
  }
  await warehouse.execute(fillTemplate(readWarehouseSql(warehouse.dialect, 'grants.sql'), { group, user }));
  const schemas = await warehouse.query(
    'SELECT schema_name FROM information_schema.schemata ORDER BY schema_name',
  );
  const revoked = schemas.rows
    .map((row) => String(row.schema_name))
    .filter((schema) => !SYSTEM_SCHEMAS.has(schema) && !schema.startsWith('pg_'));
  const revoke = readWarehouseSql(warehouse.dialect, 'revoke-schema.sql');
  for (const schema of revoked) await warehouse.execute(fillTemplate(revoke, { group, user, schema }));
  return { applied: true, group, revoked };
}

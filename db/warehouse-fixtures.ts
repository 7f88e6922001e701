/**
 * The three warehouses the contract runs against (warehouse-contract.test.ts), each with an
 * empty schema of its own: DuckDB (a file in a temp folder), Postgres at DATABASE_URL, and the
 * Redshift Data API adapter through the real AWS SDK against the local stand-in backed by that
 * same Postgres.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbWarehouse } from './duckdb-warehouse.ts';
import { PostgresWarehouse } from './postgres-warehouse.ts';
import { RedshiftDataStandIn } from './redshift-data-stand-in.ts';
import { RedshiftDataWarehouse } from './redshift-data-warehouse.ts';
import { adminQuery, DATABASE_URL, uniqueName } from './test-postgres.ts';
import type { Warehouse } from './warehouse.ts';

export interface WarehouseFixture {
  warehouse: Warehouse;
  /** An empty schema that exists already and belongs to this run. */
  schema: string;
  /** A read-only query that runs for seconds. */
  slowSql: string;
  /** False for the Data API, which loads from s3:// only. */
  loadsLocalFiles: boolean;
  cleanup: () => Promise<void>;
}

/** A schema of its own in the test Postgres, dropped with everything in it afterwards. */
async function postgresSchema(): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = uniqueName('wh');
  await adminQuery(`CREATE SCHEMA ${schema}`);
  return { schema, drop: () => adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`) };
}

export const WAREHOUSE_FIXTURES: Record<string, () => Promise<WarehouseFixture>> = {
  async duckdb() {
    const warehouse = await DuckDbWarehouse.open(
      join(mkdtempSync(join(tmpdir(), 'shoebox-duck-')), 'nested', 'w.duckdb'),
    );
    const schema = uniqueName('wh');
    await warehouse.execute(`CREATE SCHEMA ${schema}`);
    return {
      warehouse,
      schema,
      slowSql: 'SELECT sum(a.range * b.range) AS s FROM range(100000000) a, range(100000) b',
      loadsLocalFiles: true,
      cleanup: () => warehouse.close(),
    };
  },

  async postgres() {
    const { schema, drop } = await postgresSchema();
    const warehouse = new PostgresWarehouse({ url: DATABASE_URL });
    return {
      warehouse,
      schema,
      slowSql: 'SELECT pg_sleep(5) AS slept',
      loadsLocalFiles: true,
      cleanup: async () => {
        await warehouse.close();
        await drop();
      },
    };
  },

  async 'redshift-data'() {
    const { schema, drop } = await postgresSchema();
    // A page size of 2 makes every multi-row result in the contract span several pages.
    const standIn = await RedshiftDataStandIn.start({ databaseUrl: DATABASE_URL, pageSize: 2 });
    const warehouse = new RedshiftDataWarehouse({
      target: { WorkgroupName: 'test-workgroup', Database: 'dev' },
      region: 'us-east-1',
      endpoint: standIn.endpoint,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' },
    });
    return {
      warehouse,
      schema,
      slowSql: 'SELECT pg_sleep(5) AS slept',
      loadsLocalFiles: false,
      cleanup: async () => {
        await warehouse.close();
        await standIn.close();
        await drop();
      },
    };
  },
};

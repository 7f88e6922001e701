/**
 * listRelations / listColumns through information_schema, which DuckDB, Postgres and Redshift
 * all provide. Adapters extend this class; the catalog SELECTs run through their own query().
 */
import type { QueryOptions, QueryResult, Relation, RelationColumn, SqlParam } from './warehouse.ts';

/** Engine-internal schemas nobody asks questions about. */
const SYSTEM_SCHEMAS = `('information_schema', 'pg_catalog', 'pg_internal', 'pg_toast', 'pg_automv')`;

export abstract class InformationSchemaWarehouse {
  abstract query(sql: string, params?: readonly SqlParam[], options?: QueryOptions): Promise<QueryResult>;

  async listRelations(schema?: string): Promise<Relation[]> {
    const where = schema === undefined ? `table_schema NOT IN ${SYSTEM_SCHEMAS}` : 'table_schema = $1';
    const rows = await this.rows(
      `SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE ${where} ORDER BY table_schema, table_name`,
      schema === undefined ? [] : [schema],
    );
    return rows.map((row) => ({
      schema: String(row.table_schema),
      name: String(row.table_name),
      kind: String(row.table_type).toUpperCase().includes('VIEW') ? 'view' : 'table',
    }));
  }

  async listColumns(schema: string, relation: string): Promise<RelationColumn[]> {
    const rows = await this.rows(
      'SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
      [schema, relation],
    );
    return rows.map((row) => ({
      name: String(row.column_name),
      type: String(row.data_type).toLowerCase(),
      nullable: String(row.is_nullable).toUpperCase() === 'YES',
    }));
  }

  /** Catalog queries are plain SELECTs: they go through the adapter's own guarded query(). */
  private async rows(sql: string, params: readonly string[]) {
    return (await this.query(sql, params)).rows;
  }
}

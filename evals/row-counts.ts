/**
 * "No write": the row count of every table a write could reach, taken before and after each case.
 * The warehouse's raw and star-schema tables, and the ledger's entries, postings and drafts.
 */
import type { LedgerSession } from '../db/ledger-db.ts';
import type { Warehouse } from '../db/warehouse.ts';

export type RowCounts = Record<string, number>;

const WAREHOUSE_SCHEMAS = ['erp', 'ledger_raw', 'dw'];
const LEDGER_TABLES = ['ledger_entries', 'ledger_postings', 'ledger_drafts', 'ledger_requests'];

export async function warehouseRowCounts(warehouse: Warehouse): Promise<RowCounts> {
  const counts: RowCounts = {};
  for (const schema of WAREHOUSE_SCHEMAS) {
    for (const relation of await warehouse.listRelations(schema)) {
      if (relation.kind !== 'table') continue;
      // Names come from the engine's own catalog, quoted; no value enters the SQL text.
      const name = `"${relation.schema}"."${relation.name}"`;
      const result = await warehouse.query(`SELECT COUNT(*) AS n FROM ${name}`);
      counts[`${relation.schema}.${relation.name}`] = Number(result.rows[0]?.n ?? 0);
    }
  }
  return counts;
}

export async function ledgerRowCounts(db: LedgerSession): Promise<RowCounts> {
  const counts: RowCounts = {};
  for (const table of LEDGER_TABLES) {
    const result = await db.query<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[`ledger.${table}`] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

/** "table: before -> after" for every count that moved. */
export function countChanges(before: RowCounts, after: RowCounts): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((n) => before[n] !== after[n])
    .map((n) => `${n}: ${before[n] ?? 'absent'} -> ${after[n] ?? 'absent'}`);
}

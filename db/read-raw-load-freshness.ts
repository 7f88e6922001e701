/**
 * The last successful load per source, from meta.raw_loads (written by glue/load-raw-tables.ts
 * after each complete load). A warehouse never loaded has no such table: that is no loads, not an
 * error. The assistant's data_freshness tool uses this unless the pipeline supplies a richer reader.
 */
import type { Warehouse } from './warehouse.ts';

export interface LoadFreshness {
  source: string;
  /** ISO 8601. */
  lastLoadedAt: string;
  loads: number;
}

export async function readRawLoadFreshness(warehouse: Warehouse): Promise<LoadFreshness[]> {
  const relations = await warehouse.listRelations('meta');
  if (!relations.some((r) => r.name === 'raw_loads')) return [];
  const result = await warehouse.query(
    'SELECT source, MAX(loaded_at) AS last_loaded_at, COUNT(*) AS loads FROM meta.raw_loads GROUP BY source ORDER BY source',
    [],
    { maxRows: 1000, timeoutMs: 10_000 },
  );
  return result.rows.map((row) => ({
    source: String(row.source),
    lastLoadedAt: toIso(row.last_loaded_at),
    loads: Number(row.loads),
  }));
}

/** Engines hand timestamps back without a zone (stored as UTC by CURRENT_TIMESTAMP): mark them UTC. */
function toIso(value: unknown): string {
  const text = String(value);
  if (/[zZ]|[+-]\d\d:?\d\d$/.test(text)) return new Date(text).toISOString();
  return new Date(`${text.replace(' ', 'T')}Z`).toISOString();
}

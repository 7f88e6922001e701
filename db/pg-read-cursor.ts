/**
 * Reads a query through a server-side portal (pg-cursor) and stops after maxRows + 1 rows, so a
 * huge result never crosses the wire and the SQL text is never rewritten (no LIMIT wrapping,
 * whose outer query Redshift need not keep in the inner ORDER BY's order).
 */
import type { CustomTypesConfig, FieldDef, PoolClient } from 'pg';
import Cursor from 'pg-cursor';
import { capRows, rowsToRead } from './row-cap.ts';

const BATCH = 1000;

export interface CursorRead {
  fields: FieldDef[];
  rows: Record<string, unknown>[];
  truncated: boolean;
}

export async function readCursor(
  client: PoolClient,
  sql: string,
  params: readonly unknown[],
  options: { maxRows?: number; types: CustomTypesConfig },
): Promise<CursorRead> {
  const wanted = rowsToRead(options.maxRows);
  const cursor = client.query(
    new Cursor<Record<string, unknown>>(sql, [...params], { types: options.types }),
  );
  const rows: Record<string, unknown>[] = [];
  let fields: FieldDef[] = [];
  // After an error pg-cursor has already synced and dropped the portal: close only on success.
  while (rows.length < wanted) {
    const batchSize = Math.min(BATCH, wanted - rows.length);
    const batch = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      cursor.read(batchSize, (error, read, result) => {
        if (error) return reject(error);
        fields = result.fields ?? fields;
        resolve(read);
      });
    });
    rows.push(...batch);
    if (batch.length < batchSize) break;
  }
  await cursor.close();
  return { fields, ...capRows(rows, options.maxRows ?? rows.length) };
}

/**
 * Checks what a user names on the command line before any of it reaches SQL: the table (in the
 * uploads schema) and the optional view over it, each a strict lower-case identifier, and the
 * file itself (exists, not empty, a format the loader reads).
 */
import { statSync } from 'node:fs';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';

export const UPLOADS_SCHEMA = 'uploads';

const NAME = /^[a-z][a-z0-9_]{0,62}$/;
/** Schemas a view may not be created in: the loaders' own and the engines' catalogs. */
const FORBIDDEN_VIEW_SCHEMAS = new Set([
  'meta',
  'dw',
  UPLOADS_SCHEMA,
  'information_schema',
  'pg_catalog',
  'main',
]);

export function checkTableName(name: string): string {
  if (!NAME.test(name) || name.endsWith('__loading')) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `--table "${name}" is not a valid table name: use 1-63 lower-case letters, digits and _, starting with a letter (e.g. sales_2025)`,
    );
  }
  return name;
}

export function checkViewName(qualified: string): { schema: string; name: string } {
  const [schema, name, extra] = qualified.split('.');
  if (extra !== undefined || !schema || !name || !NAME.test(schema) || !NAME.test(name)) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `--view "${qualified}" must be SCHEMA.NAME in lower-case letters, digits and _ (e.g. curated.sales_2025)`,
    );
  }
  if (FORBIDDEN_VIEW_SCHEMAS.has(schema)) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `--view cannot go in the "${schema}" schema, which shoebox or the engine keeps for itself; use curated or a schema of your own`,
    );
  }
  return { schema, name };
}

export type UploadFormat = 'csv' | 'parquet';

export function checkUploadFile(path: string): { format: UploadFormat; delimiter?: string; size: number } {
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    throw new CodedError(ErrorCode.PathUnreadable, `${path} does not exist or is not a file; check the path`);
  }
  const lower = path.toLowerCase();
  const format: UploadFormat | undefined = /\.(csv|tsv|txt)$/.test(lower)
    ? 'csv'
    : /\.(parquet|pq)$/.test(lower)
      ? 'parquet'
      : undefined;
  if (!format) {
    throw new CodedError(
      ErrorCode.LoadFileInvalid,
      `${path}: shoebox load reads .csv, .tsv, .txt (delimited text) and .parquet files; export the data in one of those`,
    );
  }
  if (size === 0)
    throw new CodedError(ErrorCode.LoadFileInvalid, `${path} is empty: there is nothing to load`);
  return lower.endsWith('.tsv') ? { format, delimiter: '\t', size } : { format, size };
}

/** The separator of a delimited text file: the one of , ; tab | that the header line holds most. */
export function detectDelimiter(headerLine: string): string {
  const counts = [',', ';', '\t', '|'].map((d) => [d, headerLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/** Where the warehouse SQL lives, so glue/ can read it without knowing the layout. */
import { fileURLToPath } from 'node:url';

/**
 * One folder per dialect (duckdb/, redshift/, postgres/) and shared/ for dialect-neutral SQL
 * (transforms, curated views). A file missing from postgres/ is derived from redshift/.
 */
export const WAREHOUSE_SQL_DIR = fileURLToPath(new URL('./warehouse/', import.meta.url));

/** shared/transform/NN_<dw table>.sql, run in file-name order. */
export const WAREHOUSE_TRANSFORM_DIR = fileURLToPath(
  new URL('./warehouse/shared/transform/', import.meta.url),
);

/** shared/curated/<view>.sql, one view per file. */
export const WAREHOUSE_CURATED_DIR = fileURLToPath(new URL('./warehouse/shared/curated/', import.meta.url));

/** T-SQL extract procedures for the SQL Server ERP, one per table. */
export const SQLSERVER_PROCS_DIR = fileURLToPath(new URL('./sqlserver/', import.meta.url));

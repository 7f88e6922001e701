/** Where the SQL text lives, so code in other folders can read it without knowing the layout. */
import { fileURLToPath } from 'node:url';

/** The ledger's numbered migrations (NNN_name.sql), applied in file-name order. */
export const LEDGER_MIGRATIONS_DIR = fileURLToPath(new URL('./ledger/', import.meta.url));

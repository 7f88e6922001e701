/** Where the SQL text lives, so code in other folders can read it without knowing the layout. */
import { fileURLToPath } from 'node:url';

/** The ledger's numbered migrations (NNN_name.sql), applied in file-name order. */
export const LEDGER_MIGRATIONS_DIR = fileURLToPath(new URL('./ledger/', import.meta.url));

/** The application state's numbered migrations (schema "app"): threads, feedback, web sessions, Slack dedupe. */
export const APP_MIGRATIONS_DIR = fileURLToPath(new URL('./app/', import.meta.url));

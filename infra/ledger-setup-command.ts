/**
 * The one-time ledger setup, run as an ECS task from the app's own image with the master
 * credentials: applies the ledger migrations (003 creates shoebox_ledger_app, which has no UPDATE
 * or DELETE on postings), then creates or updates the login user the app connects as, member of
 * that role, with the password of its secret. Running it again is harmless.
 * It lives here as text (not an import): infra/ imports nothing of the app; the image does.
 */
export const LEDGER_SETUP_SCRIPT = `
const { openLedgerDb } = await import('./db/open-ledger-db.ts');
const { migrateLedger } = await import('./ledger/migrate-ledger.ts');
const user = process.env.LEDGER_APP_USER;
const password = process.env.LEDGER_APP_PASSWORD;
if (!user || !password) throw new Error('LEDGER_APP_USER and LEDGER_APP_PASSWORD must be set (from the app user secret)');
const db = await openLedgerDb(process.env.LEDGER_URL);
try {
  const applied = await migrateLedger(db);
  console.log('ledger migrations applied: ' + (applied.join(', ') || 'none (already current)'));
  const exists = await db.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user]);
  const verb = exists.rows.length > 0 ? 'ALTER ROLE %I WITH LOGIN PASSWORD %L' : 'CREATE ROLE %I WITH LOGIN PASSWORD %L';
  const built = await db.query('SELECT format($1, $2::text, $3::text) AS sql', [verb, user, password]);
  await db.exec(built.rows[0].sql);
  const grant = await db.query('SELECT format($1, $2::text) AS sql', ['GRANT shoebox_ledger_app TO %I', user]);
  await db.exec(grant.rows[0].sql);
  console.log('ledger login user ' + user + ' is a member of shoebox_ledger_app');
} finally {
  await db.close();
}
`.trim();

/** The container command: tsx runs the app's TypeScript, as bin/shoebox.js does. */
export const LEDGER_SETUP_COMMAND = [
  'node',
  '--import',
  'tsx',
  '--input-type=module',
  '-e',
  LEDGER_SETUP_SCRIPT,
];

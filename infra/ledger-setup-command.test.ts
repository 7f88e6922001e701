/**
 * Runs the one-time ledger setup command, as the ECS task would (the app's sources, tsx), against
 * a fresh database on the test Postgres server: the login user it creates may read and insert
 * postings but never update or delete them.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_SETUP_COMMAND } from './ledger-setup-command.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
const database = `infra_ledger_${suffix}`;
const user = `infra_ledger_web_${suffix}`;
const ledgerUrl = Object.assign(new URL(serverUrl), { pathname: `/${database}` }).toString();

async function admin(sql: string, url = serverUrl): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

function setup() {
  const [command, ...args] = LEDGER_SETUP_COMMAND as [string, ...string[]];
  return run(command, args, {
    cwd: root,
    env: { ...process.env, LEDGER_URL: ledgerUrl, LEDGER_APP_USER: user, LEDGER_APP_PASSWORD: 'Secret1x' },
  });
}

beforeAll(() => admin(`CREATE DATABASE ${database}`));
afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin(`DROP ROLE IF EXISTS ${user}`);
});

describe('LEDGER_SETUP_COMMAND', () => {
  it('migrates the ledger and creates a login user without UPDATE or DELETE on postings', async () => {
    const first = await setup();
    expect(first.stdout).toMatch(/ledger migrations applied: 001_ledger_tables/);
    expect(first.stdout).toContain(`ledger login user ${user} is a member of shoebox_ledger_app`);
    const privileges = await admin(
      `SELECT r.rolcanlogin AS login,
              has_table_privilege('${user}', 'ledger_postings', 'SELECT') AS "select",
              has_table_privilege('${user}', 'ledger_postings', 'INSERT') AS "insert",
              has_table_privilege('${user}', 'ledger_postings', 'UPDATE') AS "update",
              has_table_privilege('${user}', 'ledger_postings', 'DELETE') AS "delete"
         FROM pg_roles r WHERE r.rolname = '${user}'`,
      ledgerUrl,
    );
    expect(privileges.rows).toEqual([
      { login: true, select: true, insert: true, update: false, delete: false },
    ]);
  }, 60_000);

  it('can run again: nothing to migrate, the password is set anew', async () => {
    const again = await setup();
    expect(again.stdout).toMatch(/none \(already current\)/);
  }, 60_000);
});

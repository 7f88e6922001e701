/**
 * `shoebox users add` and `users password` in-process over a PGlite app database: a generated
 * password printed once and stored only as a bcrypt hash, a bad role refused, a duplicate refused,
 * and a new password that works while the old one no longer does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAppDb } from '../../db/app-db.ts';
import { UserStore } from '../../web/auth/user-store.ts';
import { main } from '../main.ts';

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'shoebox-users-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

async function shoebox(args: string[]) {
  let stdout = '';
  let stderr = '';
  const exitCode = await main(['node', 'shoebox', ...args], {
    stdout: {
      write: (text: string) => {
        stdout += text;
        return true;
      },
    },
    stderr: {
      write: (text: string) => {
        stderr += text;
        return true;
      },
    },
    env: { SHOEBOX_HOME: home },
    cwd: home,
  });
  return { exitCode, stdout, stderr };
}

describe('shoebox users', () => {
  it('adds a user with a printed password, refuses bad input, and resets a password', async () => {
    const added = await shoebox([
      'users',
      'add',
      'dana',
      '--role',
      'finance,manager',
      '--display-name',
      'Dana K',
    ]);
    expect(added.exitCode).toBe(0);
    expect(added.stdout).toContain('Added dana (finance, manager).');
    const password = /Password \(shown only now\): (\S+)/.exec(added.stdout)?.[1] ?? '';
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);

    expect((await shoebox(['users', 'add', 'dana', '--role', 'manager'])).stderr).toContain('exists already');
    const badRole = await shoebox(['users', 'add', 'eve', '--role', 'root']);
    expect(badRole.exitCode).not.toBe(0);
    expect(badRole.stderr).toContain('--role must be among manager, finance, admin');

    const reset = await shoebox(['users', 'password', 'dana']);
    expect(reset.exitCode).toBe(0);
    const fresh = /Password \(shown only now\): (\S+)/.exec(reset.stdout)?.[1] ?? '';
    expect((await shoebox(['users', 'password', 'nobody'])).stderr).toContain('There is no user "nobody"');

    const db = await openAppDb(`pglite:${path.join(home, 'ledger')}`);
    try {
      const { rows } = await db.query<{ password_hash: string; roles: string[]; display_name: string }>(
        "SELECT password_hash, roles, display_name FROM app.users WHERE username = 'dana'",
      );
      expect(rows[0]?.password_hash).toMatch(/^\$2[aby]\$11\$/);
      expect(rows[0]?.password_hash).not.toContain(fresh);
      expect(rows[0]).toMatchObject({ roles: ['finance', 'manager'], display_name: 'Dana K' });
      const users = new UserStore(db);
      expect(await users.verify('dana', password)).toBeUndefined();
      expect((await users.verify('dana', fresh))?.roles).toEqual(['finance', 'manager']);
    } finally {
      await db.close();
    }
  }, 60_000);
});

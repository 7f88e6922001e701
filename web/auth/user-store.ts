/** Web users in app.users: bcrypt hashes, never plain passwords; roles from WEB_ROLES only. */
import { randomUUID } from 'node:crypto';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { AppDb } from '../../db/app-db.ts';
import { WEB_ROLES, type WebRole, type WebUser } from '../web-contract.ts';
import { checkPassword, decoyHash, hashPassword, MAX_PASSWORD_BYTES } from './password-hash.ts';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;
export const MIN_PASSWORD_LENGTH = 10;

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
}

export function toWebUser(row: Pick<UserRow, 'id' | 'username' | 'display_name' | 'roles'>): WebUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles.filter((r): r is WebRole => (WEB_ROLES as readonly string[]).includes(r)),
  };
}

export function checkNewUser(input: { username: string; password: string; roles: string[] }): void {
  const problems: string[] = [];
  if (!USERNAME_PATTERN.test(input.username))
    problems.push('the username must be 2-40 characters: lower-case letters, digits, ".", "_" or "-"');
  if (input.password.length < MIN_PASSWORD_LENGTH)
    problems.push(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (Buffer.byteLength(input.password) > MAX_PASSWORD_BYTES)
    problems.push(`the password must be at most ${MAX_PASSWORD_BYTES} bytes`);
  const unknown = input.roles.filter((r) => !(WEB_ROLES as readonly string[]).includes(r));
  if (input.roles.length === 0 || unknown.length > 0)
    problems.push(
      `roles must be among ${WEB_ROLES.join(', ')}${unknown.length ? ` (got ${unknown.join(', ')})` : ''}`,
    );
  if (problems.length > 0)
    throw new CodedError(ErrorCode.BadArgument, `Cannot add the user: ${problems.join('; ')}.`);
}

export class UserStore {
  constructor(private readonly db: AppDb) {}

  /** Creates the user; refuses a taken username with BAD_ARGUMENT. */
  async add(input: {
    username: string;
    displayName?: string;
    password: string;
    roles: WebRole[];
  }): Promise<WebUser> {
    checkNewUser(input);
    const hash = await hashPassword(input.password);
    const { rows } = await this.db.query<UserRow>(
      `INSERT INTO app.users (id, username, display_name, password_hash, roles)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (username) DO NOTHING
       RETURNING id, username, display_name, password_hash, roles`,
      [randomUUID(), input.username, input.displayName ?? input.username, hash, input.roles],
    );
    const row = rows[0];
    if (!row) throw new CodedError(ErrorCode.BadArgument, `The user "${input.username}" exists already.`);
    return toWebUser(row);
  }

  /** Replaces the password and ends the user's sessions; false when there is no such user. */
  async setPassword(username: string, password: string): Promise<boolean> {
    checkNewUser({ username, password, roles: ['manager'] });
    const hash = await hashPassword(password);
    const { rows } = await this.db.query<{ id: string }>(
      'UPDATE app.users SET password_hash = $2 WHERE username = $1 RETURNING id',
      [username, hash],
    );
    if (!rows[0]) return false;
    await this.db.query('DELETE FROM app.sessions WHERE user_id = $1', [rows[0].id]);
    return true;
  }

  async exists(username: string): Promise<boolean> {
    const { rowCount } = await this.db.query('SELECT 1 FROM app.users WHERE username = $1', [username]);
    return rowCount > 0;
  }

  /** The user when the password matches; undefined otherwise (same time either way). */
  async verify(username: string, password: string): Promise<WebUser | undefined> {
    const { rows } = await this.db.query<UserRow>(
      'SELECT id, username, display_name, password_hash, roles FROM app.users WHERE username = $1 AND disabled_at IS NULL',
      [username.trim().toLowerCase()],
    );
    const row = rows[0];
    if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) return undefined;
    const ok = await checkPassword(password, row?.password_hash ?? (await decoyHash()));
    return row && ok ? toWebUser(row) : undefined;
  }
}

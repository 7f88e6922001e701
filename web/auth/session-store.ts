/**
 * Sessions in app.sessions. The cookie carries a random 32-byte id; the table keeps only its
 * SHA-256, so a leaked table cannot be replayed. Each session has its own CSRF token and an
 * absolute expiry; signing in always makes a new session (rotation), signing out deletes it.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AppDb } from '../../db/app-db.ts';
import type { WebUser } from '../web-contract.ts';
import { toWebUser } from './user-store.ts';

export interface WebSession {
  /** A public reference (a prefix of the id's hash): safe for logs and the ledger's audit trail. */
  ref: string;
  user: WebUser;
  csrfToken: string;
  expiresAt: Date;
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

function hashOf(sessionId: string): string {
  return createHash('sha256').update(sessionId).digest('hex');
}

export function refOf(sessionId: string): string {
  return hashOf(sessionId).slice(0, 16);
}

export class SessionStore {
  constructor(
    private readonly db: AppDb,
    private readonly ttlMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A new session for the user; returns the id to put in the cookie (shown nowhere else). */
  async create(user: WebUser): Promise<{ sessionId: string; session: WebSession }> {
    const sessionId = randomToken(32);
    const csrfToken = randomToken(32);
    const at = this.now();
    const expiresAt = new Date(at.getTime() + this.ttlMs);
    await this.db.query(
      `INSERT INTO app.sessions (id_hash, user_id, csrf_token, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [hashOf(sessionId), user.id, csrfToken, at, expiresAt],
    );
    // Expired sessions are removed as new ones come; nothing else needs a timer.
    await this.db.query('DELETE FROM app.sessions WHERE expires_at < $1', [at]);
    return { sessionId, session: { ref: refOf(sessionId), user, csrfToken, expiresAt } };
  }

  /** The live session for a cookie value, or undefined (unknown, expired, or its user disabled). */
  async find(sessionId: string): Promise<WebSession | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(sessionId)) return undefined;
    const { rows } = await this.db.query<{
      csrf_token: string;
      expires_at: Date;
      id: string;
      username: string;
      display_name: string;
      roles: string[];
    }>(
      `SELECT s.csrf_token, s.expires_at, u.id, u.username, u.display_name, u.roles
         FROM app.sessions s JOIN app.users u ON u.id = s.user_id
        WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL`,
      [hashOf(sessionId), this.now()],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      ref: refOf(sessionId),
      user: toWebUser(row),
      csrfToken: row.csrf_token,
      expiresAt: row.expires_at,
    };
  }

  async delete(sessionId: string): Promise<void> {
    await this.db.query('DELETE FROM app.sessions WHERE id_hash = $1', [hashOf(sessionId)]);
  }
}

/**
 * The demo's users, one per role, created on the first `npm start` with random passwords that are
 * returned once (to be printed) and stored only as bcrypt hashes. Later starts create nothing.
 */
import { randomBytes } from 'node:crypto';
import type { AppDb } from '../../db/app-db.ts';
import type { WebRole } from '../web-contract.ts';
import { UserStore } from './user-store.ts';

export const DEMO_USERS: { username: string; displayName: string; role: WebRole }[] = [
  { username: 'manager', displayName: 'Demo manager', role: 'manager' },
  { username: 'finance', displayName: 'Demo finance', role: 'finance' },
  { username: 'admin', displayName: 'Demo admin', role: 'admin' },
];

export function randomPassword(): string {
  return randomBytes(12).toString('base64url');
}

/** Creates the demo users that are missing; returns those created, with their passwords. */
export async function seedDemoUsers(
  appDb: AppDb,
): Promise<{ username: string; role: WebRole; password: string }[]> {
  const users = new UserStore(appDb);
  const created: { username: string; role: WebRole; password: string }[] = [];
  for (const demo of DEMO_USERS) {
    if (await users.exists(demo.username)) continue;
    const password = randomPassword();
    await users.add({ username: demo.username, displayName: demo.displayName, password, roles: [demo.role] });
    created.push({ username: demo.username, role: demo.role, password });
  }
  return created;
}

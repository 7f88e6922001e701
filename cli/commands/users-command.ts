/**
 * `shoebox users add NAME --role R` and `shoebox users password NAME`: web users in the app
 * database. The password comes from standard input (--password-stdin) or is generated and printed
 * once; only its bcrypt hash is stored.
 */
import type { Command } from 'commander';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { openAppDb } from '../../db/app-db.ts';
import { randomPassword } from '../../web/auth/seed-demo-users.ts';
import { UserStore } from '../../web/auth/user-store.ts';
import { WEB_ROLES, type WebRole } from '../../web/web-contract.ts';
import type { CommandContext } from '../command-context.ts';

interface PasswordOptions {
  passwordStdin?: boolean;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

function parseRoles(value: string): WebRole[] {
  const roles = value
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !(WEB_ROLES as readonly string[]).includes(r));
  if (roles.length === 0 || unknown.length > 0) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `--role must be among ${WEB_ROLES.join(', ')} (got "${value}")`,
    );
  }
  return roles as WebRole[];
}

async function withUsers<T>(context: CommandContext, work: (users: UserStore) => Promise<T>): Promise<T> {
  const config = context.config();
  const db = await openAppDb(config.appDatabaseUrl, { home: config.home });
  try {
    return await work(new UserStore(db));
  } finally {
    await db.close();
  }
}

export function registerUsersCommand(program: Command, context: CommandContext): void {
  const users = program
    .command('users')
    .description("manage the web app's users (stored in the app database)");
  users
    .command('add')
    .description('add a user; prints a generated password unless --password-stdin')
    .argument('<NAME>', 'username: lower-case letters, digits, ".", "_", "-"')
    .requiredOption('--role <ROLES>', `one or more of ${WEB_ROLES.join(', ')}, comma-separated`, parseRoles)
    .option('--display-name <TEXT>', 'name shown in the web app (default: the username)')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (name: string, options: PasswordOptions & { role: WebRole[]; displayName?: string }) => {
      const password = options.passwordStdin ? await readStdin() : randomPassword();
      await withUsers(context, async (store) => {
        const user = await store.add({
          username: name,
          password,
          roles: options.role,
          ...(options.displayName ? { displayName: options.displayName } : {}),
        });
        context.print(`Added ${user.username} (${user.roles.join(', ')}).`);
        if (!options.passwordStdin) context.print(`Password (shown only now): ${password}`);
      });
    });
  users
    .command('password')
    .description('set a new password for a user (and sign them out everywhere)')
    .argument('<NAME>', 'username')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (name: string, options: PasswordOptions) => {
      const password = options.passwordStdin ? await readStdin() : randomPassword();
      await withUsers(context, async (store) => {
        if (!(await store.setPassword(name, password))) {
          throw new CodedError(
            ErrorCode.BadArgument,
            `There is no user "${name}"; add one with \`shoebox users add\`.`,
          );
        }
        context.print(`New password set for ${name}; their sessions were ended.`);
        if (!options.passwordStdin) context.print(`Password (shown only now): ${password}`);
      });
    });
}

/**
 * Opens the ledger for one `shoebox ledger` command: the actor from `--as` (default: the OS user)
 * and `--role` (default: finance, since whoever runs the CLI already holds the database), LEDGER_URL
 * migrated on open and closed afterwards, and an idempotency key per write (`--key` to retry one).
 */
import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { Command } from 'commander';
import { openLedgerDb } from '../../db/open-ledger-db.ts';
import type { LedgerActor } from '../../ledger/ledger-actor.ts';
import { LedgerService } from '../../ledger/ledger-service.ts';
import { migrateLedger } from '../../ledger/migrate-ledger.ts';
import type { CommandContext } from '../command-context.ts';

interface GlobalOptions {
  as?: string;
  role?: string;
  key?: string;
}

function osUser(): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}

export async function withLedger<T>(
  context: CommandContext,
  command: Command,
  work: (service: LedgerService, actor: LedgerActor, key: () => string) => Promise<T>,
): Promise<T> {
  const options = command.optsWithGlobals<GlobalOptions>();
  const config = context.config();
  const actor: LedgerActor = {
    userId: options.as ?? osUser(),
    roles: (options.role ?? 'finance')
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
    channel: { kind: 'cli', host: hostname() },
  };
  const db = await openLedgerDb(config.ledgerUrl, { home: config.home });
  try {
    await migrateLedger(db);
    return await work(
      new LedgerService(db, { clock: config.clock }),
      actor,
      () => options.key ?? randomUUID(),
    );
  } finally {
    await db.close();
  }
}

/**
 * Subcommands whose features are built by later issues. They exist now so `--help` shows the
 * whole command; running one says plainly that it is not available yet, with exit code 1.
 */
import type { Command } from 'commander';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { CommandContext } from '../command-context.ts';

function notYet(what: string): never {
  throw new CodedError(
    ErrorCode.NotImplemented,
    `${what} is not built yet in this version of shoebox; see docs/architecture.md for the plan.`,
  );
}

export function registerLaterCommands(program: Command, _context: CommandContext): void {
  program
    .command('slack')
    .description('start the Slack app in Socket Mode or HTTP mode (arrives with the Slack app)')
    .action(() => notYet('`shoebox slack` (the Slack app)'));
}

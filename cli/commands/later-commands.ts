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
    .command('ask')
    .description('ask a question about the business and print the answer (arrives with the assistant)')
    .argument('<question...>', 'the question, e.g. "revenue by region last quarter"')
    .action(() => notYet('`shoebox ask` (the assistant)'));
  program
    .command('evals')
    .description('run the golden and adversarial question sets and write the report (arrives with the evals)')
    .action(() => notYet('`shoebox evals` (the eval suite)'));
}

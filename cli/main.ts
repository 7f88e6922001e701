/**
 * The `shoebox` command. Builds the subcommands, runs one, and turns any failure into one line
 * on standard error with a non-zero exit; stack traces only with --verbose.
 */
import { Command, CommanderError } from 'commander';
import { isCodedError, messageOf } from '../core/coded-error.ts';
import { type CliIo, type CommandContext, createCommandContext } from './command-context.ts';
import { registerCommands } from './commands/register-commands.ts';

const defaultIo = (): CliIo => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});

export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const verbose = argv.includes('--verbose');
  const context = createCommandContext(io, { verbose });
  const program = new Command('shoebox')
    .description('shoebox: ask your business questions in chat, get sourced answers with charts.')
    .option('--verbose', 'print debug detail and stack traces')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  await registerCommands(program, context, argv);
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    return reportFailure(error, context);
  }
}

function reportFailure(error: unknown, context: CommandContext): number {
  // Commander has already printed its own one-line message (or the help text).
  if (error instanceof CommanderError) return error.exitCode;
  const message = isCodedError(error)
    ? error.message
    : `unexpected failure: ${messageOf(error)} (run again with --verbose for details)`;
  context.log.error(message);
  if (error instanceof Error && error.stack) context.log.debug(error.stack);
  return 1;
}

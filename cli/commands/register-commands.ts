/**
 * Every `shoebox` subcommand, in the order `--help` lists them. Each command's module (and the
 * engines it drags in: DuckDB, PGlite, the AWS SDK, vega, Bolt...) is imported only when that
 * command runs, or when help lists them all: `shoebox ask` should not pay for loading `etl`.
 */
import type { Command } from 'commander';
import type { CommandContext } from '../command-context.ts';

type Registrar = (program: Command, context: CommandContext) => Promise<void>;

const COMMANDS: [name: string, register: Registrar][] = [
  ['demo', async (p, c) => (await import('./demo-command.ts')).registerDemoCommand(p, c)],
  ['generate', async (p, c) => (await import('./generate-command.ts')).registerGenerateCommand(p, c)],
  ['etl', async (p, c) => (await import('./etl-command.ts')).registerEtlCommand(p, c)],
  ['load', async (p, c) => (await import('./load-command.ts')).registerLoadCommand(p, c)],
  ['serve', async (p, c) => (await import('./serve-command.ts')).registerServeCommand(p, c)],
  ['ask', async (p, c) => (await import('./ask-command.ts')).registerAskCommand(p, c)],
  ['users', async (p, c) => (await import('./users-command.ts')).registerUsersCommand(p, c)],
  [
    'semantic',
    async (p, c) => {
      const { registerSemanticCommand } = await import('./semantic-command.ts');
      const { addCompileCommand } = await import('./semantic-compile-command.ts');
      const { loadSemanticModel } = await import('../../semantic-layer/validate/validate-semantic-model.ts');
      addCompileCommand(registerSemanticCommand(p, c), c, async (dir) => loadSemanticModel(dir));
    },
  ],
  [
    'slack',
    async (p, c) => {
      const { registerSlackCommand } = await import('./slack-command.ts');
      const { openAssistantRuntime } = await import('../../assistant/open-assistant-runtime.ts');
      registerSlackCommand(p, c, openAssistantRuntime);
    },
  ],
  ['ledger', async (p, c) => (await import('./ledger-command.ts')).registerLedgerCommand(p, c)],
  ['bench', async (p, c) => (await import('./bench-command.ts')).registerBenchCommand(p, c)],
  [
    'evals',
    async (p, c) => {
      const { registerEvalsCommand } = await import('./evals-command.ts');
      const { openAssistantRuntime } = await import('../../assistant/open-assistant-runtime.ts');
      registerEvalsCommand(p, c, openAssistantRuntime);
    },
  ],
  ['config', async (p, c) => (await import('./config-command.ts')).registerConfigCommand(p, c)],
];

export const COMMAND_NAMES = COMMANDS.map(([name]) => name);

/** The first word that is not an option, e.g. "ask" in `shoebox --verbose ask "..."`. */
function commandOf(argv: readonly string[]): string | undefined {
  return argv.slice(2).find((arg) => !arg.startsWith('-'));
}

/**
 * Registers the command named on the command line, or all of them when none is named or the
 * name is not one (help, a typo: commander then lists or suggests from the full set).
 */
export async function registerCommands(
  program: Command,
  context: CommandContext,
  argv: readonly string[] = [],
): Promise<void> {
  const named = commandOf(argv);
  const only = COMMANDS.find(([name]) => name === named);
  for (const [, register] of only ? [only] : COMMANDS) await register(program, context);
}

/** Every `shoebox` subcommand, in the order `--help` lists them. */

import type { Command } from 'commander';
import { openAssistantRuntime } from '../../assistant/open-assistant-runtime.ts';
import { loadSemanticModel } from '../../semantic-layer/validate/validate-semantic-model.ts';
import type { CommandContext } from '../command-context.ts';
import { registerAskCommand } from './ask-command.ts';
import { registerBenchCommand } from './bench-command.ts';
import { registerConfigCommand } from './config-command.ts';
import { registerDemoCommand } from './demo-command.ts';
import { registerEtlCommand } from './etl-command.ts';
import { registerEvalsCommand } from './evals-command.ts';
import { registerGenerateCommand } from './generate-command.ts';
import { registerLedgerCommand } from './ledger-command.ts';
import { registerLoadCommand } from './load-command.ts';
import { registerSemanticCommand } from './semantic-command.ts';
import { addCompileCommand } from './semantic-compile-command.ts';
import { registerServeCommand } from './serve-command.ts';
import { registerSlackCommand } from './slack-command.ts';
import { registerUsersCommand } from './users-command.ts';

export function registerCommands(program: Command, context: CommandContext): void {
  registerDemoCommand(program, context);
  registerGenerateCommand(program, context);
  registerEtlCommand(program, context);
  registerLoadCommand(program, context);
  registerServeCommand(program, context);
  registerAskCommand(program, context);
  registerUsersCommand(program, context);
  addCompileCommand(registerSemanticCommand(program, context), context, async (dir) =>
    loadSemanticModel(dir),
  );
  // After the assistant merge: registerSlackCommand(program, context, openAssistantRuntime).
  registerSlackCommand(program, context, openAssistantRuntime);
  registerLedgerCommand(program, context);
  registerBenchCommand(program, context);
  registerEvalsCommand(program, context, openAssistantRuntime);
  registerConfigCommand(program, context);
}

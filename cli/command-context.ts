/**
 * What every subcommand receives: its output streams, the settings (loaded once, on first use,
 * so `--help` works even with bad settings) and redacting writers for results and diagnostics.
 */
import { type Config, loadConfig } from '../core/config.ts';
import { createLogger, type Logger } from '../core/logger.ts';
import { createProgress, type ProgressReporter } from './progress.ts';

export interface OutputStream {
  write(text: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CommandContext {
  io: CliIo;
  config(): Config;
  /** Diagnostics and progress notes, to standard error. */
  log: Logger;
  progress(): ProgressReporter;
  /** Results, to standard output; redacted like the log. */
  print(text: string): void;
}

export function createCommandContext(io: CliIo, options: { verbose: boolean }): CommandContext {
  let config: Config | undefined;
  const secrets = () => config?.secrets ?? [];
  const toStream = (stream: OutputStream) => (line: string) => stream.write(`${line}\n`);
  const out = createLogger({ secrets, write: toStream(io.stdout) });
  return {
    io,
    config: () => {
      config ??= loadConfig({ env: io.env, cwd: io.cwd });
      return config;
    },
    log: createLogger({ level: options.verbose ? 'debug' : 'info', secrets, write: toStream(io.stderr) }),
    progress: () => createProgress({ stream: io.stderr }),
    print: (text) => out.info(text),
  };
}

/**
 * A small leveled logger that redacts before it writes. Plain lines, one per event, so logs stay
 * greppable; nothing else in shoebox writes diagnostics to the console.
 */
import { redactText } from './redact.ts';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Values to hide; a function when they are known only later (settings load after the logger exists). */
  secrets?: readonly string[] | (() => readonly string[]);
  write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = ORDER[options.level ?? 'info'];
  const secrets = options.secrets ?? [];
  const currentSecrets = typeof secrets === 'function' ? secrets : () => secrets;
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const log = (level: LogLevel) => (message: string) => {
    if (ORDER[level] >= threshold)
      write(`${level === 'info' ? '' : `${level}: `}${redactText(message, currentSecrets())}`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

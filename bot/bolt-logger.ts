/** Bolt's and the Slack SDK's log lines through shoebox's redacting logger (tokens never printed). */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../core/logger.ts';

export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const text = (parts: unknown[]) =>
    parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  return {
    debug: (...parts) => {
      if (level === LogLevel.DEBUG) log.debug(`slack: ${text(parts)}`);
    },
    info: (...parts) => {
      if (level === LogLevel.DEBUG || level === LogLevel.INFO) log.info(`slack: ${text(parts)}`);
    },
    warn: (...parts) => log.warn(`slack: ${text(parts)}`),
    error: (...parts) => log.error(`slack: ${text(parts)}`),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

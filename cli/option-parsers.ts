/**
 * Parsers for command-line values. Each throws a BadArgument CodedError whose one line names the
 * option, the value given and what is accepted.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';

export const MAX_SCALE = 20;

function bad(option: string, value: string, expected: string): CodedError {
  return new CodedError(ErrorCode.BadArgument, `${option} must be ${expected} (got "${value}")`);
}

export function parseScale(value: string): number {
  const scale = Number(value);
  if (value.trim() === '' || !Number.isFinite(scale) || scale <= 0 || scale > MAX_SCALE) {
    throw bad(
      '--scale',
      value,
      `a number greater than 0 and at most ${MAX_SCALE}; 1 is about a million order lines`,
    );
  }
  return scale;
}

export function parseSeed(value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw bad('--seed', value, 'a whole number from 0 to 999999999');
  return Number(value);
}

export function parseIsoDate(option: string) {
  return (value: string): string => {
    const valid =
      /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
    if (!valid) throw bad(option, value, 'a calendar date as YYYY-MM-DD');
    return value;
  };
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw bad('--port', value, 'a whole number from 0 to 65535 (0 picks a free port)');
  return port;
}

export function parsePositiveInt(option: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1) throw bad(option, value, 'a whole number of at least 1');
    return Number(value);
  };
}

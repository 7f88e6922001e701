/**
 * Checks generateDemo's options and turns them into what the generator uses. Messages name the
 * CLI flag, the rule and the bad value, so the person (or the model) knows what to change.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { parseIsoDay, partsOf } from './dates.ts';

export const MAX_SCALE = 20;

export interface ValidOptions {
  seed: number;
  scale: number;
  asOf: number;
  outDir: string;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) {
    return String(value);
  }
  return typeof value;
}

function bad(message: string): CodedError {
  return new CodedError(ErrorCode.BadArgument, message);
}

export function validateOptions(options: {
  seed: unknown;
  scale: unknown;
  asOf: unknown;
  outDir: unknown;
}): ValidOptions {
  const { seed, scale, asOf, outDir } = options;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    throw bad(`--seed must be a whole number of 0 or more (got ${shown(seed)})`);
  }
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0 || scale > MAX_SCALE) {
    throw bad(`--scale must be a number greater than 0 and at most ${MAX_SCALE} (got ${shown(scale)})`);
  }
  const day = typeof asOf === 'string' ? parseIsoDay(asOf) : undefined;
  if (day === undefined) {
    throw bad(`--as-of must be a real date written YYYY-MM-DD, such as 2025-06-30 (got ${shown(asOf)})`);
  }
  const { year } = partsOf(day);
  if (year < 2000 || year > 2100) {
    throw bad(`--as-of must be a date from 2000-01-01 to 2100-12-31 (got ${shown(asOf)})`);
  }
  if (typeof outDir !== 'string' || outDir.trim() === '') {
    throw bad(`--out must name the folder to write the demo data to (got ${shown(outDir)})`);
  }
  return { seed, scale, asOf: day, outDir };
}

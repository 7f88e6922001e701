/**
 * manifest.json: what a generated demo folder holds (tables with row counts, accountants'
 * files with their planted bad rows) and how it was made. Deterministic: no timestamps.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CodedError, ErrorCode, messageOf } from '../core/coded-error.ts';

/** Bump when the generator's output changes for the same seed, scale and asOf. */
export const GENERATOR_VERSION = 'cordova-demo/1.0.0';

export interface DemoManifest {
  seed: number;
  scale: number;
  asOf: string;
  firstDay: string;
  generator: string;
  tables: { name: string; file: string; rows: number }[];
  accountantFiles: {
    file: string;
    kind: 'expenses' | 'bank-statement';
    format: 'csv' | 'xlsx';
    rows: number;
    badRows: number;
  }[];
}

export const MANIFEST_FILE = 'manifest.json';

export async function writeManifest(dir: string, manifest: DemoManifest): Promise<void> {
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

function looksLikeManifest(value: unknown): value is DemoManifest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    typeof m.seed === 'number' &&
    typeof m.scale === 'number' &&
    typeof m.asOf === 'string' &&
    typeof m.firstDay === 'string' &&
    typeof m.generator === 'string' &&
    Array.isArray(m.tables) &&
    Array.isArray(m.accountantFiles)
  );
}

/**
 * The manifest of a generated demo folder, or undefined when the folder has none (not generated
 * yet). A manifest that exists but cannot be read as one is an error: regenerate the folder.
 */
export async function readManifest(dir: string): Promise<DemoManifest | undefined> {
  const path = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code === 'ENOENT' ||
      (error as NodeJS.ErrnoException).code === 'ENOTDIR'
    ) {
      return undefined;
    }
    throw new CodedError(ErrorCode.PathUnreadable, `cannot read ${path}: ${messageOf(error)}`, {
      cause: error,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    parsed = error;
  }
  if (!looksLikeManifest(parsed)) {
    throw new CodedError(
      ErrorCode.DemoDataMissing,
      `${path} is not a demo manifest; generate the demo data again (shoebox demo)`,
    );
  }
  return parsed;
}

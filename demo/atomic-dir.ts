/**
 * Writes a folder all at once: the work happens in a sibling `<outDir>.partial-<pid>` that
 * replaces outDir by rename only when complete, and is removed if anything fails. Readers never
 * see a half-written outDir.
 */
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CodedError, ErrorCode, messageOf } from '../core/coded-error.ts';

function unwritable(outDir: string, error: unknown): CodedError {
  return new CodedError(
    ErrorCode.PathUnwritable,
    `cannot write the demo data to ${outDir} (${messageOf(error)}); choose a folder you can write to with --out`,
    { cause: error },
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

export async function writeAtomically<T>(
  outDir: string,
  work: (partialDir: string) => Promise<T>,
): Promise<T> {
  const target = resolve(outDir);
  const partial = `${target}.partial-${process.pid}`;
  try {
    const existing = await stat(target).catch(() => undefined);
    if (existing && !existing.isDirectory()) throw new Error('it exists and is not a folder');
    await mkdir(dirname(target), { recursive: true });
    await rm(partial, { recursive: true, force: true });
    await mkdir(partial);
  } catch (error) {
    throw unwritable(outDir, error);
  }
  let result: T;
  try {
    result = await work(partial);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  const old = `${target}.old-${process.pid}`;
  try {
    if (await exists(target)) await rename(target, old);
    await rename(partial, target);
  } catch (error) {
    if (!(await exists(target)) && (await exists(old))) await rename(old, target).catch(() => undefined);
    await rm(partial, { recursive: true, force: true });
    throw unwritable(outDir, error);
  }
  await rm(old, { recursive: true, force: true });
  return result;
}

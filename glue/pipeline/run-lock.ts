/**
 * One pipeline run at a time per lock file. The file holds the owner's pid and host; a lock
 * whose process is gone on this host (killed, crashed) is stale and taken over, so a rerun after SIGKILL is
 * never blocked. Created with O_EXCL, so two starters cannot both win.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';

export interface RunLock {
  release(): void;
}

export async function acquireRunLock(file: string, runId: string): Promise<RunLock> {
  await mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, host: hostname(), runId }), { flag: 'wx' });
      return { release: () => rmSync(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner && (owner.host !== hostname() || alive(owner.pid))) {
      throw new CodedError(
        ErrorCode.EtlRunInProgress,
        `Another ETL run (${owner.runId}, process ${owner.pid}) is in progress; wait for it to finish (shoebox etl status shows it), or delete ${file} if that process is gone.`,
      );
    }
    rmSync(file, { force: true });
  }
  throw new CodedError(ErrorCode.EtlRunInProgress, `Could not take the ETL lock ${file}; try again.`);
}

function readOwner(file: string): { pid: number; host: string; runId: string } | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // half-written by a process killed mid-write: stale
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

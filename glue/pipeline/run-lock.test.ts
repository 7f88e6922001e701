/** One run at a time: a live owner blocks with ETL_RUN_IN_PROGRESS; a dead one's lock is taken over. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../core/coded-error.ts';
import { acquireRunLock } from './run-lock.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'shoebox-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('acquireRunLock', () => {
  it('refuses a second run while the first holds the lock, then lets it in', async () => {
    const file = path.join(dir, 'a.lock');
    const first = await acquireRunLock(file, 'run-1');
    await expect(acquireRunLock(file, 'run-2')).rejects.toMatchObject({
      code: ErrorCode.EtlRunInProgress,
      message: expect.stringContaining('run-1'),
    });
    first.release();
    (await acquireRunLock(file, 'run-2')).release();
  });

  it('takes over the lock of a process that no longer exists (killed mid-run)', async () => {
    const file = path.join(dir, 'b.lock');
    writeFileSync(file, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), runId: 'dead' }));
    const lock = await acquireRunLock(file, 'run-3');
    lock.release();
    writeFileSync(file, '{"pid": 1'); // half-written by a killed process
    (await acquireRunLock(file, 'run-4')).release();
  });
});

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { generateDemo } from './generate-demo.ts';
import { makeTempDir } from './test-support.ts';
import { validateOptions } from './validate-options.ts';

const good = { seed: 1, scale: 0.01, asOf: '2026-06-30', outDir: '/tmp/unused' };

async function failure(options: Record<string, unknown>): Promise<CodedError> {
  try {
    await generateDemo({ ...good, ...options } as Parameters<typeof generateDemo>[0]);
  } catch (error) {
    if (error instanceof CodedError) return error;
    throw error;
  }
  throw new Error('generateDemo did not fail');
}

describe('bad options', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir('options');
  });
  afterAll(() => temp.remove());

  it.each([
    [-1, '--scale must be a number greater than 0 and at most 20 (got -1)'],
    [0, '--scale must be a number greater than 0 and at most 20 (got 0)'],
    [Number.NaN, '--scale must be a number greater than 0 and at most 20 (got NaN)'],
    [20.5, '--scale must be a number greater than 0 and at most 20 (got 20.5)'],
    [Number.POSITIVE_INFINITY, '--scale must be a number greater than 0 and at most 20 (got Infinity)'],
    ['1', "--scale must be a number greater than 0 and at most 20 (got '1')"],
  ])('refuses scale %s', async (scale, message) => {
    const error = await failure({ scale });
    expect(error.code).toBe(ErrorCode.BadArgument);
    expect(error.message).toBe(message);
  });

  it.each([
    ['2026-13-01', "--as-of must be a real date written YYYY-MM-DD, such as 2025-06-30 (got '2026-13-01')"],
    ['2026-02-30', "--as-of must be a real date written YYYY-MM-DD, such as 2025-06-30 (got '2026-02-30')"],
    ['06/30/2026', "--as-of must be a real date written YYYY-MM-DD, such as 2025-06-30 (got '06/30/2026')"],
    ['', "--as-of must be a real date written YYYY-MM-DD, such as 2025-06-30 (got '')"],
    ['1999-12-31', "--as-of must be a date from 2000-01-01 to 2100-12-31 (got '1999-12-31')"],
  ])('refuses asOf %s', async (asOf, message) => {
    const error = await failure({ asOf });
    expect(error.code).toBe(ErrorCode.BadArgument);
    expect(error.message).toBe(message);
  });

  it.each([
    [-1, '--seed must be a whole number of 0 or more (got -1)'],
    [1.5, '--seed must be a whole number of 0 or more (got 1.5)'],
    [Number.NaN, '--seed must be a whole number of 0 or more (got NaN)'],
  ])('refuses seed %s', async (seed, message) => {
    const error = await failure({ seed });
    expect(error.code).toBe(ErrorCode.BadArgument);
    expect(error.message).toBe(message);
  });

  it('refuses an empty outDir', () => {
    expect(() => validateOptions({ ...good, outDir: '' })).toThrow(
      "--out must name the folder to write the demo data to (got '')",
    );
  });

  it('says PATH_UNWRITABLE when outDir cannot be created', async () => {
    const file = join(temp.path, 'a-file');
    await writeFile(file, 'not a folder');
    const error = await failure({ outDir: join(file, 'demo') });
    expect(error.code).toBe(ErrorCode.PathUnwritable);
    expect(error.message).toContain(join(file, 'demo'));
    expect(error.message).toContain('--out');
    const onFile = await failure({ outDir: file });
    expect(onFile.code).toBe(ErrorCode.PathUnwritable);
  });

  it('accepts good options', () => {
    expect(validateOptions(good)).toMatchObject({ seed: 1, scale: 0.01, outDir: '/tmp/unused' });
  });
});

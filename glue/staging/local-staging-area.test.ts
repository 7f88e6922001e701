/** The local staging folder: atomic puts, sorted listing, prefix deletes, and no key escapes the folder. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../core/coded-error.ts';
import { LocalStagingArea } from './local-staging-area.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'shoebox-staging-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('LocalStagingArea', () => {
  const area = new LocalStagingArea(root);
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('writes, reads, lists and deletes by prefix, leaving no temp files', async () => {
    await area.put('runs/b/erp/t/part-00001.csv.gz', bytes('two'));
    await area.put('runs/b/erp/t/part-00000.csv.gz', bytes('one'));
    await area.put('runs/a/erp/t/manifest.json', bytes('{}'));
    await area.put('runs/b/erp/t/part-00000.csv.gz', bytes('one again'));
    expect(new TextDecoder().decode(await area.get('runs/b/erp/t/part-00000.csv.gz'))).toBe('one again');
    expect(await area.list('runs/b/')).toEqual([
      'runs/b/erp/t/part-00000.csv.gz',
      'runs/b/erp/t/part-00001.csv.gz',
    ]);
    expect(readdirSync(path.join(root, 'runs/b/erp/t')).some((f) => f.endsWith('.tmp'))).toBe(false);
    expect(await area.exists('runs/a/erp/t/manifest.json')).toBe(true);
    await area.deletePrefix('runs/a/');
    expect(await area.exists('runs/a/erp/t/manifest.json')).toBe(false);
    expect(await area.list('runs/')).toHaveLength(2);
    expect(area.locationOf('runs/b/erp/t/part-00000.csv.gz')).toBe(
      path.join(root, 'runs/b/erp/t/part-00000.csv.gz'),
    );
  });

  it.each(['../outside', '/etc/passwd', 'runs/../../x', 'runs\\x', ''])('refuses the key %j', async (key) => {
    await expect(area.put(key, bytes('x'))).rejects.toMatchObject({
      code: expect.stringMatching(/BAD_ARGUMENT|ETL_STAGING_FAILED/),
    });
    expect(() => area.locationOf(key)).toThrow(expect.objectContaining({ code: ErrorCode.BadArgument }));
  });
});

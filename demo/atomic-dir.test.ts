import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from './generate-demo.ts';
import { makeTempDir, TEST_AS_OF } from './test-support.ts';

describe('atomic output folder', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeAll(async () => {
    temp = await makeTempDir('atomic');
  });
  afterAll(() => temp.remove());

  it('replaces an existing folder, stray files and all', async () => {
    const out = join(temp.path, 'replace');
    await mkdir(out);
    await writeFile(join(out, 'stray.txt'), 'left over');
    const stages = new Set<string>();
    await generateDemo({
      seed: 3,
      scale: 0.01,
      asOf: TEST_AS_OF,
      outDir: out,
      onProgress: (p) => stages.add(p.stage),
    });
    const names = await readdir(out);
    expect(names).not.toContain('stray.txt');
    expect(names.sort()).toEqual(['accountants', 'erp', 'ledger', 'manifest.json', 'stories.json']);
    expect([...stages]).toEqual(['master data', 'sales', 'ledger', "accountants' files"]);
    expect(await readdir(temp.path)).toEqual(['replace']);
  });

  it('leaves no partial folder, and the old output intact, when generation fails', async () => {
    const out = join(temp.path, 'keep');
    await mkdir(out);
    await writeFile(join(out, 'previous.txt'), 'previous run');
    const failing = generateDemo({
      seed: 3,
      scale: 0.01,
      asOf: TEST_AS_OF,
      outDir: out,
      onProgress: (p) => {
        if (p.stage === 'sales' && p.done > p.total / 2) throw new Error('disk full (simulated)');
      },
    });
    await expect(failing).rejects.toThrow('disk full (simulated)');
    const siblings = await readdir(temp.path);
    expect(siblings.filter((n) => n.includes('.partial-') || n.includes('.old-'))).toEqual([]);
    expect(await readFile(join(out, 'previous.txt'), 'utf8')).toBe('previous run');
  });

  it('reports progress per stage from 0 to total, about every 1%', async () => {
    const events: { stage: string; done: number; total: number }[] = [];
    await generateDemo({
      seed: 4,
      scale: 0.01,
      asOf: TEST_AS_OF,
      outDir: join(temp.path, 'progress'),
      onProgress: (p) => events.push(p),
    });
    for (const stage of ['master data', 'sales', 'ledger', "accountants' files"]) {
      const mine = events.filter((e) => e.stage === stage);
      expect(mine[0]?.done, stage).toBe(0);
      expect(mine.at(-1)?.done, stage).toBe(mine.at(-1)?.total);
      expect(mine.length, stage).toBeLessThanOrEqual(102);
    }
  });
});

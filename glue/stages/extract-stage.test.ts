/**
 * The extract stage over both paths a source may offer (row objects, or its own gzip CSV): the
 * same rows, watermark and manifest, batch by batch; a source that breaks the contract is named.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../core/coded-error.ts';
import { DemoErpSource } from '../sources/demo-erp-source.ts';
import type { ExtractSource } from '../sources/extract-source.ts';
import { LocalStagingArea } from '../staging/local-staging-area.ts';
import { extractStage } from './extract-stage.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'shoebox-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const table = {
  name: 'items',
  primaryKey: ['item_id'],
  columns: [
    { name: 'item_id', type: 'int', nullable: false },
    { name: 'label', type: 'nvarchar(20)', nullable: true },
    { name: 'modified_at', type: 'datetime2', nullable: false },
    { name: 'row_version', type: 'bigint', nullable: false },
  ],
};
mkdirSync(path.join(dir, 'erp'));
writeFileSync(
  path.join(dir, 'erp', 'items.csv'),
  `item_id,label,modified_at,row_version\n${Array.from({ length: 7 }, (_, i) => `${i + 1},"say ""${i}""",2024-01-0${i + 1} 10:00:00,${100 + i}`).join('\n')}\n`,
);

/** The demo source seen through the row contract only. */
function rowsOnly(source: ExtractSource): ExtractSource {
  return {
    name: source.name,
    description: source.description,
    tables: source.tables,
    extractBatch: (t, since, size) => source.extractBatch(t, since, size),
    reconcileFigures: (t) => source.reconcileFigures(t),
    close: () => source.close(),
  };
}

function stagedRows(area: LocalStagingArea, keys: string[]): string[] {
  return keys
    .filter((k) => k.endsWith('.csv.gz'))
    .flatMap((k) =>
      gunzipSync(readFileSync(area.locationOf(k)))
        .toString('utf8')
        .trimEnd()
        .split('\n')
        .slice(1),
    )
    .sort();
}

describe('extractStage', () => {
  it('stages the same rows, parts and watermark through rows or through the source’s own CSV', async () => {
    const source = await DemoErpSource.open({
      dir,
      tables: [table],
      cacheFile: path.join(dir, 'cache.duckdb'),
    });
    try {
      const results = [];
      for (const [runId, src] of [
        ['csv', source],
        ['rows', rowsOnly(source)],
      ] as const) {
        const area = new LocalStagingArea(path.join(dir, 'staging'));
        const [items] = await extractStage({
          source: src,
          area,
          runId,
          watermarks: new Map([['items', 101n]]),
          batchSize: 2,
        });
        const keys = await area.list(`runs/${runId}/`);
        const manifest = JSON.parse(readFileSync(area.locationOf(items?.manifestKey ?? ''), 'utf8'));
        expect(manifest.entries).toEqual(
          keys
            .filter((k) => k.endsWith('.csv.gz'))
            .map((k) => ({ url: area.locationOf(k), mandatory: true })),
        );
        results.push({
          rows: items?.rows,
          watermark: items?.watermark,
          parts: manifest.entries.length,
          lines: stagedRows(area, keys),
        });
      }
      expect(results[0]).toEqual({ rows: 5, watermark: 106n, parts: 3, lines: expect.any(Array) });
      expect(results[1]?.rows).toBe(5);
      expect(results[1]?.lines.map((l: string) => l.replace('.000', ''))).toEqual(results[0]?.lines);
      expect(results[0]?.lines[0]).toBe('3,"say ""2""",2024-01-03 10:00:00,102');
    } finally {
      await source.close();
    }
  });

  it('refuses a source whose batch does not move past the watermark', async () => {
    const stuck: ExtractSource = {
      name: 'erp',
      description: 'stuck',
      tables: [{ ...table, watermarkColumn: 'row_version', sumColumns: [] }],
      extractBatch: async () => [{ item_id: 1, label: null, modified_at: '2024-01-01', row_version: '5' }],
      reconcileFigures: async () => [],
      close: async () => undefined,
    };
    const area = new LocalStagingArea(path.join(dir, 'stuck'));
    await expect(
      extractStage({ source: stuck, area, runId: 'r', watermarks: new Map([['items', 5n]]), batchSize: 1 }),
    ).rejects.toMatchObject({
      code: ErrorCode.EtlSourceFailed,
      message: expect.stringContaining('items row_version 5, not after 5'),
    });
  });
});

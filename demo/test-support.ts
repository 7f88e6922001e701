/**
 * Helpers shared by the demo's tests: a private temp folder per test, generation into it, and
 * table reading by name. Not used by the generator itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DemoManifest, type GenerateDemoOptions, generateDemo } from './generate-demo.ts';
import { readCsvObjects } from './read-csv.ts';

export const TEST_AS_OF = '2026-06-30';

export async function makeTempDir(label: string): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `shoebox-demo-${label}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface GeneratedDemo {
  dir: string;
  manifest: DemoManifest;
  seconds: number;
  table: (name: string) => Promise<Record<string, string>[]>;
}

export async function generateInto(
  dir: string,
  options: Partial<GenerateDemoOptions> = {},
): Promise<GeneratedDemo> {
  const started = performance.now();
  const manifest = await generateDemo({ seed: 7, scale: 0.01, asOf: TEST_AS_OF, outDir: dir, ...options });
  const seconds = (performance.now() - started) / 1000;
  const table = async (name: string): Promise<Record<string, string>[]> => {
    const entry = manifest.tables.find((t) => t.name === name);
    if (!entry) throw new Error(`no table ${name} in the manifest`);
    return readCsvObjects(join(dir, entry.file));
  };
  return { dir, manifest, seconds, table };
}

/**
 * The planner knows no business: its source files (tests aside) name no member, value or word of
 * the demo company. Everything it matches comes from the semantic model and its values.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSemanticModel } from '../../semantic-layer/validate/validate-semantic-model.ts';

const cordova = loadSemanticModel(join(import.meta.dirname, '../../semantic-layer/models'));
/** The demo's words, and every metric and qualified dimension name of its model that is not plain English. */
const MEMBER_NAMES = [
  ...cordova.metrics.map((m) => m.name).filter((n) => n.includes('_')),
  ...cordova.semanticModels.flatMap((m) => m.dimensions.map((d) => `${m.name}.${d.name}`)),
];
const DEMO_WORDS = new RegExp(
  `\\b(boots?|sandals?|shoes?|sneakers?|loafers?|oxfords?|leather|suede|nubuck|cordova|lisbon|soho|${MEMBER_NAMES.map((n) => n.replace('.', '\\.')).join('|')})\\b`,
  'i',
);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    const testOnly = entry.name.endsWith('.test.ts') || entry.name.startsWith('test-');
    return entry.name.endsWith('.ts') && !testOnly ? [path] : [];
  });
}

describe('the planner knows no business', () => {
  const files = sources(import.meta.dirname);

  it('reads the planner folder', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(files.some((f) => f.endsWith('create-offline-planner.ts'))).toBe(true);
  });

  it.each(files.map((f) => [f.slice(import.meta.dirname.length + 1), f]))(
    '%s names no demo word',
    (_name, file) => {
      const hits = readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, k) => (DEMO_WORDS.test(line) ? [`${k + 1}: ${line.trim()}`] : []));
      expect(hits).toEqual([]);
    },
  );

  it('catches a demo word when one is there', () => {
    expect(DEMO_WORDS.test('const cue = "boots";')).toBe(true);
    expect(DEMO_WORDS.test("dimension: 'stores.region_name'")).toBe(true);
    expect(DEMO_WORDS.test('metric units_sold')).toBe(true);
    expect(DEMO_WORDS.test('the shoebox assistant')).toBe(false);
  });
});

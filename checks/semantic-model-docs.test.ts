/** docs/semantic-model.md stays true to the code: every validation code, every Cordova metric. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSemanticModel } from '../semantic-layer/validate/validate-semantic-model.ts';
import { ValidationCode } from '../semantic-layer/validate/validation-codes.ts';

const repo = path.resolve(import.meta.dirname, '..');
const doc = readFileSync(path.join(repo, 'docs/semantic-model.md'), 'utf8');

describe('docs/semantic-model.md', () => {
  it('explains every validation code, in order', () => {
    const rows = [...doc.matchAll(/^\| (SL\d{3}) \| ([A-Z_]+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(rows).toEqual(Object.entries(ValidationCode).map(([name, code]) => `${code} ${name}`));
  });

  it("lists every metric of Cordova's model with its type", () => {
    const { model } = validateSemanticModel(path.join(repo, 'semantic-layer/models'));
    const rows = [...doc.matchAll(/^\| \w+ \| `(\w+)` \| (\w+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(rows.sort()).toEqual(model.metrics.map((m) => `${m.name} ${m.type}`).sort());
  });
});

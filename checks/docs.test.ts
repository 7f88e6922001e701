/** The README stays true to the code: every setting is documented, the quickstart is two commands. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../core/settings.ts';

const repo = path.resolve(import.meta.dirname, '..');
const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');

describe('README', () => {
  it('documents every setting in the settings table', () => {
    const documented = [...readme.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1]);
    expect(documented).toEqual(SETTINGS.map((setting) => setting.name));
  });

  it('has a quickstart of exactly `npm install && npm start` and `npm test`', () => {
    const quickstart = readme.split('## Quickstart')[1]?.split('\n## ')[0] ?? '';
    const commands = [...quickstart.matchAll(/```sh\n([^`]+)```/g)].map((match) => match[1]?.trim());
    expect(commands).toEqual(['npm install && npm start', 'npm test']);
  });

  it('names a test command that package.json defines, and .ci/run calls it', () => {
    const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));
    expect(pkg.scripts.test).toBe('vitest run');
    expect(readFileSync(path.join(repo, '.ci', 'run'), 'utf8')).toMatch(/^npm test$/m);
  });
});

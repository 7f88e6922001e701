/**
 * What `npm start` does, as a user would run it: a real process builds the demo, loads it,
 * serves the web app, answers HTTP, and stops cleanly on SIGINT.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '..');
let home: string | undefined;
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  if (home) rmSync(home, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('shoebox demo (npm start)', () => {
  it('generates, loads and serves the demo, then stops on SIGINT', async () => {
    home = mkdtempSync(path.join(os.tmpdir(), 'shoebox-start-'));
    const port = await freePort();
    child = spawn(process.execPath, [path.join(repo, 'bin', 'shoebox.js'), 'demo', '--scale', '0.01'], {
      cwd: home,
      env: { ...process.env, SHOEBOX_HOME: home, SHOEBOX_NOW: '2026-11-20', PORT: String(port) },
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL after 60 s:\n${output}`)), 60_000);
      child?.stdout?.on('data', () => {
        const match = /serving on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child?.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
    expect(url).toBe(`http://127.0.0.1:${port}`);
    const page = await (await fetch(url)).text();
    expect(page).toContain('Cordova Shoe Co. (demo, seed 42, scale 0.01)');
    expect(page).toMatch(/erp\.sales_order_lines<\/td><td class="num">[1-9][\d,]*/);

    const exitCode = await new Promise<number | null>((resolve) => {
      child?.on('exit', resolve);
      child?.kill('SIGINT');
    });
    expect(exitCode).toBe(0);
    expect(output).toContain('Stopped.');
  });
});

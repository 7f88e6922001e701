/**
 * Test support: `shoebox demo` in a real child process, as `npm start` runs it, in a folder of
 * the test's own, stopped with SIGINT. For the tests that need the whole product running.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface DemoProcess {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** From start to the printed URL. */
  seconds: number;
  stop(): Promise<number | null>;
}

/** Starts `shoebox demo --scale SCALE` in `home` (its SHOEBOX_HOME and working folder). */
export async function startDemo(options: {
  home: string;
  port: number;
  scale?: number;
}): Promise<DemoProcess> {
  const started = performance.now();
  const args = [path.join(repo, 'bin', 'shoebox.js'), 'demo', '--scale', String(options.scale ?? 0.01)];
  const proc = spawn(process.execPath, args, {
    cwd: options.home,
    env: {
      ...process.env,
      SHOEBOX_HOME: options.home,
      SHOEBOX_NOW: '2026-11-20',
      PORT: String(options.port),
    },
  });
  let output = '';
  proc.stdout?.on('data', (chunk) => (output += chunk));
  proc.stderr?.on('data', (chunk) => (output += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL after 90 s:\n${output}`)), 90_000);
    proc.stdout?.on('data', () => {
      const match = /serving on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    proc.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
  return {
    url,
    process: proc,
    output: () => output,
    seconds: (performance.now() - started) / 1000,
    stop: () =>
      new Promise<number | null>((resolve) => {
        if (proc.exitCode !== null) resolve(proc.exitCode);
        proc.on('exit', resolve);
        proc.kill('SIGINT');
      }),
  };
}

/** The demo users' passwords, as the first start prints them once. */
export function demoPasswords(output: string): Record<string, string> {
  return Object.fromEntries(
    [...output.matchAll(/^ {2}(manager|finance|admin) +(\S+) +\(role \1\)$/gm)].map((m) => [
      m[1] as string,
      m[2] as string,
    ]),
  );
}

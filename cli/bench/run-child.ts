/**
 * Runs `shoebox` in a child process, as a user would, and times it: to the end, or until its
 * output matches `until` (then it is stopped with SIGINT and must exit cleanly).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'shoebox.js');

export interface ChildRun {
  seconds: number;
  output: string;
}

export function runShoebox(args: string[], env: NodeJS.ProcessEnv, until?: RegExp): Promise<ChildRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
  let output = '';
  let seconds: number | undefined;
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (until && seconds === undefined && until.test(output)) {
        seconds = (performance.now() - started) / 1000;
        child.kill('SIGINT');
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      // Stopped by us once `until` matched: what we waited for has been printed.
      const stoppedAfterMatch = seconds !== undefined && signal === 'SIGINT';
      if (code !== 0 && !stoppedAfterMatch) {
        reject(
          new CodedError(
            ErrorCode.BadArgument,
            `shoebox ${args.join(' ')} failed (${signal ? `killed by ${signal}` : `exit ${code}`}): ${output.trim().split('\n').pop()}`,
          ),
        );
        return;
      }
      resolve({ seconds: seconds ?? (performance.now() - started) / 1000, output });
    });
  });
}

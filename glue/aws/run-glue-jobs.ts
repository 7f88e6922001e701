/**
 * `shoebox etl run --glue`: starts each stage's Glue job in order with one run id, polls GetJobRun
 * with exponential backoff up to a cap, prints each state change, and stops at the first run
 * that ends FAILED, TIMEOUT, STOPPED or ERROR with the job's own ErrorMessage. Throttling
 * (ThrottlingException) is answered by waiting longer, not by failing.
 */
import { randomUUID } from 'node:crypto';
import { GetJobRunCommand, type GlueClient, type JobRun, StartJobRunCommand } from '@aws-sdk/client-glue';
import { CodedError, ErrorCode, messageOf } from '../../core/coded-error.ts';
import { checkJobPrefix, GLUE_STAGES, type GlueStage, jobNameOf } from './glue-stages.ts';

export interface GlueRunOptions {
  glue: GlueClient;
  jobPrefix?: string;
  /** Shared by every stage's run: names the S3 run folder. Default: a new one. */
  runId?: string;
  stages?: readonly GlueStage[];
  /** First wait between polls and the cap it doubles up to (ms). */
  pollMs?: { first: number; max: number };
  /** Give up on one job run after this long (ms); Glue's own Timeout should come first. */
  jobTimeoutMs?: number;
  /** Consecutive throttled calls tolerated before giving up. */
  maxThrottles?: number;
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (line: string) => void;
}

export interface GlueRunResult {
  runId: string;
  jobs: { name: string; jobRunId: string; state: string; seconds: number }[];
}

const FAILED = new Set(['FAILED', 'TIMEOUT', 'STOPPED', 'ERROR', 'EXPIRED']);
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runGlueJobs(options: GlueRunOptions): Promise<GlueRunResult> {
  const prefix = checkJobPrefix(options.jobPrefix ?? 'shoebox');
  const runId =
    options.runId ??
    `run-${new Date()
      .toISOString()
      .replace(/[-:.TZ]/g, '')
      .slice(0, 14)}-${randomUUID().slice(0, 8)}`;
  const say = options.onProgress ?? (() => undefined);
  const result: GlueRunResult = { runId, jobs: [] };
  for (const stage of options.stages ?? GLUE_STAGES) {
    const name = jobNameOf(prefix, stage);
    const started = performance.now();
    const poller = new Poller(options);
    const jobRunId = await poller.call(name, async () => {
      const run = await options.glue.send(
        new StartJobRunCommand({ JobName: name, Arguments: { '--run_id': runId } }),
      );
      return run.JobRunId as string;
    });
    say(`${name}: started run ${jobRunId}`);
    let last = '';
    for (;;) {
      const run: JobRun = await poller.call(name, async () => {
        const got = await options.glue.send(new GetJobRunCommand({ JobName: name, RunId: jobRunId }));
        return got.JobRun ?? {};
      });
      const state = run.JobRunState ?? 'UNKNOWN';
      const seconds = Math.round((performance.now() - started) / 1000);
      if (state !== last) say(`${name}: ${state} (${seconds} s)`);
      last = state;
      if (state === 'SUCCEEDED') {
        result.jobs.push({ name, jobRunId, state, seconds });
        break;
      }
      if (FAILED.has(state)) {
        throw new CodedError(
          ErrorCode.GlueJobFailed,
          `Glue job ${name} run ${jobRunId} ended ${state} after ${seconds} s: ${run.ErrorMessage ?? 'no error message'}. Its log is in CloudWatch (/aws-glue/python-jobs/error); the stages after it did not run. Fix the cause and rerun: every stage is idempotent.`,
          { details: { runId, jobRunId, state } },
        );
      }
      if (performance.now() - started > (options.jobTimeoutMs ?? 4 * 3600_000)) {
        throw new CodedError(
          ErrorCode.GlueJobFailed,
          `Glue job ${name} run ${jobRunId} is still ${state}; stopped waiting. Check it in the Glue console.`,
        );
      }
      await poller.wait();
    }
  }
  return result;
}

/** Exponential backoff between polls; throttled calls wait and try again. */
class Poller {
  private delay: number;
  private throttles = 0;

  constructor(private readonly options: GlueRunOptions) {
    this.delay = options.pollMs?.first ?? 2000;
  }

  async wait(): Promise<void> {
    await (this.options.sleep ?? defaultSleep)(this.delay);
    this.delay = Math.min(this.delay * 2, this.options.pollMs?.max ?? 30_000);
  }

  async call<T>(name: string, send: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        const value = await send();
        this.throttles = 0;
        return value;
      } catch (error) {
        const throttled =
          error instanceof Error && /Throttling|TooManyRequests|RequestLimitExceeded/.test(error.name);
        if (throttled && ++this.throttles <= (this.options.maxThrottles ?? 8)) {
          this.options.onProgress?.(`${name}: throttled by AWS Glue, waiting ${this.delay} ms`);
          await this.wait();
          continue;
        }
        if (error instanceof Error && error.name === 'ConcurrentRunsExceededException') {
          throw new CodedError(
            ErrorCode.EtlRunInProgress,
            `Glue job ${name} is already running; wait for that run to end (or stop it in the Glue console), then run again.`,
            { cause: error },
          );
        }
        throw new CodedError(ErrorCode.GlueJobFailed, `Glue job ${name}: ${messageOf(error)}`, {
          cause: error,
        });
      }
    }
  }
}

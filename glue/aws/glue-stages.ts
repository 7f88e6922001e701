/**
 * The Glue jobs, one per pipeline stage, in run order, and where their scripts are. Extract and
 * stage are one job: the rows go from SQL Server straight to S3 parts, never through a disk.
 */
import { fileURLToPath } from 'node:url';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';

export const GLUE_STAGES = ['extract', 'load', 'merge', 'transform', 'reconcile'] as const;
export type GlueStage = (typeof GLUE_STAGES)[number];

/** glue/jobs/: the Python shell scripts and their shared helper module. */
export const GLUE_JOBS_DIR = fileURLToPath(new URL('../jobs/', import.meta.url));
export const GLUE_HELPER_MODULE = '_shoebox_glue.py';

export const scriptOf = (stage: GlueStage) => `shoebox_${stage}.py`;
export const jobNameOf = (prefix: string, stage: GlueStage) => `${prefix}-${stage}`;

const PREFIX = /^[A-Za-z0-9_-]{1,200}$/;
export function checkJobPrefix(prefix: string): string {
  if (!PREFIX.test(prefix)) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `The Glue job prefix "${prefix}" must be letters, digits, - or _.`,
    );
  }
  return prefix;
}

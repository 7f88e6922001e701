/**
 * The Glue jobs, one per pipeline stage, in run order (from glue/jobs/jobs.json), and where their
 * scripts are. Extract and stage are one job: the rows go from SQL Server straight to S3 parts.
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { GLUE_JOB_CONTRACT, GLUE_JOBS_DIR, type GlueJobSpec } from './glue-job-contract.ts';

export { GLUE_JOBS_DIR };
/** Stage names as in jobs.json: extract, load, merge, transform, reconcile. */
export type GlueStage = string;
export const GLUE_STAGES: readonly GlueStage[] = GLUE_JOB_CONTRACT.jobs.map((job) => job.stage);

export const GLUE_HELPER_MODULE = '_shoebox_glue.py';

export function jobSpecOf(stage: GlueStage): GlueJobSpec {
  const spec = GLUE_JOB_CONTRACT.jobs.find((job) => job.stage === stage);
  if (!spec) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `There is no Glue stage "${stage}"; the stages are ${GLUE_STAGES.join(', ')} (glue/jobs/jobs.json).`,
    );
  }
  return spec;
}

export const scriptOf = (stage: GlueStage) => jobSpecOf(stage).script;
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

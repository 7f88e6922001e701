/**
 * The Glue jobs' argument contract (glue/jobs/jobs.json): stages in run order, each job's script
 * and the arguments it requires. One file so the scripts, deployGlueJobs, runGlueJobs and the
 * CDK stack (which reads the same file at synth) cannot drift; checks/ tests that they do not.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CodedError, ErrorCode, messageOf } from '../../core/coded-error.ts';

/** glue/jobs/: the Python shell scripts, their shared helper module and jobs.json. */
export const GLUE_JOBS_DIR = fileURLToPath(new URL('../jobs/', import.meta.url));
export const GLUE_CONTRACT_FILE = `${GLUE_JOBS_DIR}jobs.json`;

const ARGUMENT = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/);
const contractSchema = z.object({
  runId: z.object({ arguments: z.array(ARGUMENT).min(1) }),
  warehouseTarget: z.object({ oneOf: z.array(ARGUMENT).min(1), optional: z.array(ARGUMENT) }),
  jobs: z
    .array(
      z.object({
        stage: z.string().regex(/^[a-z][a-z0-9_]*$/),
        script: z.string().regex(/^[a-z][a-z0-9_]*\.py$/),
        required: z.array(ARGUMENT),
        optional: z.array(ARGUMENT),
        pythonModules: z.string().optional(),
        maxCapacity: z.number().positive(),
      }),
    )
    .min(1),
});
export type GlueJobContract = z.infer<typeof contractSchema>;
export type GlueJobSpec = GlueJobContract['jobs'][number];

export function readGlueJobContract(file = GLUE_CONTRACT_FILE): GlueJobContract {
  try {
    return contractSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new CodedError(
      ErrorCode.ConfigInvalid,
      `The Glue job contract ${file} is unreadable or malformed: ${messageOf(error)}. Fix it (see docs/aws-pipelines.md, "The job argument contract").`,
      { cause: error },
    );
  }
}

export const GLUE_JOB_CONTRACT = readGlueJobContract();

/**
 * A job's contract arguments as Glue DefaultArguments (`--name`): every required one (missing is
 * an error), whichever warehouse target and optional ones have a value, nothing else.
 */
export function contractArguments(
  spec: GlueJobSpec,
  values: Readonly<Record<string, string | undefined>>,
  contract: GlueJobContract = GLUE_JOB_CONTRACT,
): Record<string, string> {
  const args: Record<string, string> = {};
  for (const name of spec.required) {
    const value = values[name];
    if (!value) {
      throw new CodedError(
        ErrorCode.BadArgument,
        `The Glue job ${spec.stage} requires --${name} (glue/jobs/jobs.json) but no value was given for it.`,
      );
    }
    args[`--${name}`] = value;
  }
  const target = contract.warehouseTarget.oneOf.filter((name) => values[name]);
  if (target.length !== 1) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `The Glue job ${spec.stage} needs exactly one of ${contract.warehouseTarget.oneOf.map((n) => `--${n}`).join(', ')}; got ${target.length}.`,
    );
  }
  for (const name of [...target, ...contract.warehouseTarget.optional, ...spec.optional]) {
    const value = values[name];
    if (value) args[`--${name}`] = value;
  }
  return args;
}

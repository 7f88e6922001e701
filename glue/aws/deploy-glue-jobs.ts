import {
  CreateJobCommand,
  GetJobCommand,
  type GlueClient,
  type JobUpdate,
  UpdateJobCommand,
} from '@aws-sdk/client-glue';
import type { S3Client } from '@aws-sdk/client-s3';
import { CodedError, ErrorCode, messageOf } from '../../core/coded-error.ts';
import type { RedshiftDataTarget } from '../../db/redshift-data-url.ts';
import { assertNoSecrets, SECRET_ARN } from './glue-arguments.ts';
import { contractArguments } from './glue-job-contract.ts';
import {
  checkJobPrefix,
  GLUE_HELPER_MODULE,
  GLUE_STAGES,
  type GlueStage,
  jobNameOf,
  jobSpecOf,
  scriptOf,
} from './glue-stages.ts';
import { assetsBase, uploadGlueAssets } from './upload-glue-assets.ts';

export { uploadGlueAssets };

export interface GlueDeployOptions {
  glue: GlueClient;
  s3: S3Client;
  /** s3://bucket/prefix where scripts (scripts/) and rendered SQL (sql/) go. */
  assetsUrl: string;
  /** The IAM role the jobs run as. */
  roleArn: string;
  jobPrefix?: string;
  warehouse: RedshiftDataTarget;
  /** Secrets Manager secret holding the ERP's host, port, username, password, dbname. */
  erpSecretArn: string;
  /** From glueJobAssets(). */
  assets: ReadonlyMap<string, string>;
  /** pip requirement for the extract job's SQL Server driver. */
  sqlServerDriver?: string;
  onProgress?: (line: string) => void;
}

export interface DeployedJob {
  name: string;
  action: 'created' | 'updated';
}

export async function deployGlueJobs(options: GlueDeployOptions): Promise<DeployedJob[]> {
  const prefix = checkJobPrefix(options.jobPrefix ?? 'shoebox');
  const base = assetsBase(options.assetsUrl);
  if (!SECRET_ARN.test(options.erpSecretArn)) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `--erp-secret "${options.erpSecretArn}" is not a Secrets Manager ARN (arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME).`,
    );
  }
  await uploadGlueAssets({ ...options, scripts: true });
  const deployed: DeployedJob[] = [];
  for (const stage of GLUE_STAGES) {
    const name = jobNameOf(prefix, stage);
    const definition = jobDefinition(options, stage, base);
    const action = (await jobExists(options.glue, name)) ? 'updated' : 'created';
    await glueCall(name, () =>
      action === 'created'
        ? options.glue.send(new CreateJobCommand({ Name: name, ...definition }))
        : options.glue.send(new UpdateJobCommand({ JobName: name, JobUpdate: definition })),
    );
    options.onProgress?.(`${action} Glue job ${name}`);
    deployed.push({ name, action });
  }
  return deployed;
}

function jobDefinition(
  options: GlueDeployOptions,
  stage: GlueStage,
  base: string,
): JobUpdate & { Role: string; Command: NonNullable<JobUpdate['Command']> } {
  const target = options.warehouse;
  const spec = jobSpecOf(stage);
  // The contract's arguments (glue/jobs/jobs.json), then Glue's own for a Python shell job.
  const args: Record<string, string> = {
    '--job-language': 'python',
    'library-set': 'analytics',
    '--extra-py-files': `${base}scripts/${GLUE_HELPER_MODULE}`,
    ...(spec.pythonModules
      ? { '--additional-python-modules': options.sqlServerDriver ?? spec.pythonModules }
      : {}),
    ...contractArguments(spec, {
      assets_url: base.replace(/\/$/, ''),
      database: target.Database,
      workgroup: target.WorkgroupName,
      cluster: target.ClusterIdentifier,
      redshift_secret_arn: target.SecretArn,
      erp_secret_arn: options.erpSecretArn,
    }),
  };
  assertNoSecrets(args);
  return {
    Description: `shoebox pipeline stage: ${stage}`,
    Role: options.roleArn,
    Command: {
      Name: 'pythonshell',
      PythonVersion: '3.9',
      ScriptLocation: `${base}scripts/${scriptOf(stage)}`,
    },
    GlueVersion: '3.0',
    MaxCapacity: spec.maxCapacity,
    // runGlueJobs decides about reruns; one run at a time keeps the stages' order.
    MaxRetries: 0,
    Timeout: 180,
    ExecutionProperty: { MaxConcurrentRuns: 1 },
    DefaultArguments: args,
  };
}

async function jobExists(glue: GlueClient, name: string): Promise<boolean> {
  try {
    await glue.send(new GetJobCommand({ JobName: name }));
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'EntityNotFoundException') return false;
    throw glueError(name, error);
  }
}

async function glueCall<T>(name: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw glueError(name, error);
  }
}

function glueError(name: string, error: unknown): CodedError {
  const denied = error instanceof Error && /AccessDenied/.test(error.name);
  return new CodedError(
    ErrorCode.GlueJobFailed,
    `Glue job ${name}: ${messageOf(error)}${denied ? '. The deploying identity needs glue:GetJob, glue:CreateJob, glue:UpdateJob and iam:PassRole on the job role.' : ''}`,
    { cause: error },
  );
}

/**
 * `shoebox etl deploy --glue` and `shoebox etl run --glue`: the production runner on AWS Glue.
 * The in-process runner stays the default; these need WAREHOUSE_URL=redshift-data://...,
 * STAGING_URL=s3://..., REDSHIFT_COPY_IAM_ROLE and AWS credentials from the SDK's chain.
 */
import { GlueClient } from '@aws-sdk/client-glue';
import { S3Client } from '@aws-sdk/client-s3';
import type { Command } from 'commander';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { Config } from '../../core/config.ts';
import { parseRedshiftDataUrl } from '../../db/redshift-data-url.ts';
import { deployGlueJobs, uploadGlueAssets } from '../../glue/aws/deploy-glue-jobs.ts';
import { glueJobAssets } from '../../glue/aws/glue-job-assets.ts';
import { runGlueJobs } from '../../glue/aws/run-glue-jobs.ts';
import type { SourceTable } from '../../glue/sources/extract-source.ts';
import type { CommandContext } from '../command-context.ts';

export interface EtlGlueDependencies {
  /** The ERP tables the Glue jobs extract: the ERP source's `tables`. */
  erpTables: () => Promise<readonly SourceTable[]> | readonly SourceTable[];
  /** Clients to use instead of the SDK defaults (tests point them at stand-ins). */
  clients?: (config: Config) => { glue: GlueClient; s3: S3Client };
  /** Poll waits for runGlueJobs (default 2 s doubling to 30 s). */
  pollMs?: { first: number; max: number };
}

export interface GlueDeployFlags {
  glue?: boolean;
  role?: string;
  assets: string;
  erpSecret?: string;
  jobPrefix: string;
  /** Upload the rendered SQL only: the jobs come from the CDK stack (infra/). */
  sqlOnly?: boolean;
}

export interface GlueRunFlags {
  glue?: boolean;
  jobPrefix: string;
  runId?: string;
}

/** Adds `deploy` and, unless the etl command has its own, `run` under `etl`. */
export function registerEtlGlueCommands(
  etl: Command,
  context: CommandContext,
  deps: EtlGlueDependencies,
): void {
  etl
    .command('deploy')
    .description('create or update the AWS Glue jobs that run this pipeline in production')
    .option('--glue', 'deploy to AWS Glue (the only target today)')
    .option('--role <arn>', 'IAM role the Glue jobs run as (not with --sql-only)')
    .requiredOption('--assets <s3url>', 's3://BUCKET/PREFIX for the job scripts and their SQL')
    .option(
      '--erp-secret <arn>',
      'Secrets Manager ARN of the ERP connection (host, port, username, password, dbname; not with --sql-only)',
    )
    .option(
      '--sql-only',
      "only render and upload the SQL the jobs run (to the ShoeboxGlue stack's GlueAssetsUrl); the CDK stack made the jobs",
    )
    .option('--job-prefix <name>', 'prefix of the Glue job names', 'shoebox')
    .action((flags: GlueDeployFlags) => deployGlueAction(context, deps, flags));
  if (etl.commands.some((command) => command.name() === 'run')) return;
  etl
    .command('run')
    .description('run the pipeline; --glue runs it as AWS Glue jobs and waits for the end')
    .option('--glue', 'run on AWS Glue (deploy first)')
    .option('--job-prefix <name>', 'prefix of the Glue job names', 'shoebox')
    .option('--run-id <id>', 'name of the run (its S3 folder); default: a new one')
    .action((flags: GlueRunFlags) => runGlueAction(context, deps, flags));
}

export async function deployGlueAction(
  context: CommandContext,
  deps: EtlGlueDependencies,
  flags: GlueDeployFlags,
): Promise<void> {
  needGlueFlag(flags.glue, 'deploy');
  const config = context.config();
  const target = redshiftTarget(config);
  if (!config.stagingUrl.startsWith('s3://')) {
    throw new CodedError(
      ErrorCode.ConfigInvalid,
      `Glue jobs stage to S3: set STAGING_URL=s3://BUCKET/PREFIX (now "${config.stagingUrl}").`,
    );
  }
  if (!config.redshiftCopyIamRole) {
    throw new CodedError(
      ErrorCode.ConfigInvalid,
      'Glue jobs load Redshift with COPY: set REDSHIFT_COPY_IAM_ROLE to the ARN of the role Redshift assumes to read the staging bucket.',
    );
  }
  const { glue, s3 } = clientsOf(config, deps);
  try {
    const assets = glueJobAssets({
      tables: await deps.erpTables(),
      stagingUrl: config.stagingUrl,
      copyIamRole: config.redshiftCopyIamRole,
    });
    if (flags.sqlOnly) {
      const count = await uploadGlueAssets({ s3, assetsUrl: flags.assets, assets });
      context.print(`uploaded ${count} SQL files to ${flags.assets}`);
      return;
    }
    if (!flags.role || !flags.erpSecret) {
      throw new CodedError(
        ErrorCode.BadArgument,
        'shoebox etl deploy --glue needs --role and --erp-secret to create the jobs; with jobs made by the CDK stack (infra/), pass --sql-only instead.',
      );
    }
    const jobs = await deployGlueJobs({
      glue,
      s3,
      assetsUrl: flags.assets,
      roleArn: flags.role,
      jobPrefix: flags.jobPrefix,
      warehouse: target,
      erpSecretArn: flags.erpSecret,
      assets,
      onProgress: (line) => context.log.info(line),
    });
    for (const job of jobs) context.print(`${job.action} ${job.name}`);
  } finally {
    glue.destroy();
    s3.destroy();
  }
}

export async function runGlueAction(
  context: CommandContext,
  deps: EtlGlueDependencies,
  flags: GlueRunFlags,
): Promise<void> {
  needGlueFlag(flags.glue, 'run');
  const config = context.config();
  const { glue, s3 } = clientsOf(config, deps);
  try {
    const result = await runGlueJobs({
      glue,
      jobPrefix: flags.jobPrefix,
      runId: flags.runId,
      pollMs: deps.pollMs,
      onProgress: (line) => context.log.info(line),
    });
    const total = result.jobs.reduce((sum, job) => sum + job.seconds, 0);
    context.print(`Glue run ${result.runId}: ${result.jobs.length} jobs succeeded in ${total} s`);
  } finally {
    glue.destroy();
    s3.destroy();
  }
}

function needGlueFlag(glue: boolean | undefined, verb: string): void {
  if (!glue) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `\`shoebox etl ${verb}\` works with AWS Glue only: add --glue. The in-process runner (\`shoebox etl\`) needs no deploy.`,
    );
  }
}

function redshiftTarget(config: Config) {
  if (!config.warehouseUrl.startsWith('redshift-data:')) {
    throw new CodedError(
      ErrorCode.ConfigInvalid,
      'Glue jobs reach Redshift through the Data API: set WAREHOUSE_URL=redshift-data://WORKGROUP/DATABASE.',
    );
  }
  return parseRedshiftDataUrl(config.warehouseUrl).target;
}

function clientsOf(config: Config, deps: EtlGlueDependencies): { glue: GlueClient; s3: S3Client } {
  if (deps.clients) return deps.clients(config);
  const region = config.awsRegion;
  return { glue: new GlueClient({ region }), s3: new S3Client({ region }) };
}

/**
 * The pipeline on AWS Glue: one Python shell job per entry of glue/jobs/jobs.json (scripts
 * uploaded as assets), all running inside the VPC through a NETWORK connection, chained in the
 * contract's order by a workflow whose first trigger is a schedule. Each job gets exactly the
 * arguments the contract says its script reads. The SQL the scripts run is rendered and uploaded
 * to --assets_url by `shoebox etl deploy --glue --sql-only` (docs/deploy-aws.md).
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as assets from 'aws-cdk-lib/aws-s3-assets';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { acknowledge } from './cdk-nag.ts';
import { jobArguments, readGlueScripts } from './glue-scripts.ts';
import type { WarehouseStack } from './warehouse-stack.ts';

export interface GlueStackProps extends StackProps {
  vpc: ec2.IVpc;
  securityGroup: ec2.ISecurityGroup;
  /** Folder of the job scripts and their contract, jobs.json (see glue-scripts.ts). */
  scriptsDir: string;
  /** Physical name of the staging bucket (see stagingBucketName). */
  stagingBucketName: string;
  stagingPrefix: string;
  stagingUrl: string;
  /**
   * Key prefix in the staging bucket for the rendered SQL (--assets_url); outside the staging
   * prefix so its lifecycle rule never expires it. Default "glue-assets".
   */
  assetsPrefix?: string;
  warehouse: WarehouseStack;
  /** Glue cron expression; default 05:00 UTC daily. */
  schedule?: string;
}

export class GlueStack extends Stack {
  readonly jobNames: string[];
  readonly erpSecret: secretsmanager.Secret;
  /** --assets_url of every job: where `shoebox etl deploy --glue --sql-only` puts the SQL. */
  readonly assetsUrl: string;

  constructor(scope: Construct, id: string, props: GlueStackProps) {
    super(scope, id, props);
    const scripts = readGlueScripts(props.scriptsDir);
    const role = new iam.Role(this, 'JobRole', {
      assumedBy: new iam.ServicePrincipal('glue.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSGlueServiceRole')],
    });
    // Explicit actions rather than grantReadWrite, whose s3:GetObject*, s3:List*, ... are wider.
    const staging = s3.Bucket.fromBucketName(this, 'StagingBucket', props.stagingBucketName);
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'StageExtracts',
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [staging.arnForObjects(`${props.stagingPrefix}/*`)],
      }),
    );
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ListStagingPrefix',
        actions: ['s3:ListBucket'],
        resources: [staging.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${props.stagingPrefix}/*`] } },
      }),
    );
    const assetsPrefix = props.assetsPrefix ?? 'glue-assets';
    this.assetsUrl = `s3://${props.stagingBucketName}/${assetsPrefix}`;
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadRenderedSql',
        actions: ['s3:GetObject'],
        resources: [staging.arnForObjects(`${assetsPrefix}/*`)],
      }),
    );
    props.warehouse.grantDataApi(role, props.warehouse.loaderSecret);
    // The ERP connection (JSON: host, port, username, password, dbname) is entered after deploy.
    this.erpSecret = new secretsmanager.Secret(this, 'ErpUrl', {
      description:
        'shoebox ERP connection as JSON {"host","port","username","password","dbname"}; put the value after deploying',
    });
    this.erpSecret.grantRead(role);

    const key = new kms.Key(this, 'GlueKey', {
      description: 'Encrypts Glue logs and bookmarks',
      enableKeyRotation: true,
    });
    key.grantEncryptDecrypt(new iam.ServicePrincipal(`logs.${this.region}.amazonaws.com`));
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'GlueKey',
        actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [key.keyArn],
      }),
    );
    const securityConfiguration = new glue.CfnSecurityConfiguration(this, 'SecurityConfiguration', {
      name: 'shoebox-glue',
      encryptionConfiguration: {
        cloudWatchEncryption: { cloudWatchEncryptionMode: 'SSE-KMS', kmsKeyArn: key.keyArn },
        jobBookmarksEncryption: { jobBookmarksEncryptionMode: 'CSE-KMS', kmsKeyArn: key.keyArn },
        s3Encryptions: [{ s3EncryptionMode: 'SSE-S3' }],
      },
    });

    const subnet = props.vpc.selectSubnets({ subnetGroupName: 'app' }).subnets[0];
    if (!subnet) throw new Error('the VPC has no "app" subnet for the Glue connection');
    const connection = new glue.CfnConnection(this, 'VpcConnection', {
      catalogId: this.account,
      connectionInput: {
        name: 'shoebox-vpc',
        description: 'Runs the shoebox jobs inside the VPC (warehouse, ledger, endpoints)',
        connectionType: 'NETWORK',
        physicalConnectionRequirements: {
          subnetId: subnet.subnetId,
          availabilityZone: subnet.availabilityZone,
          securityGroupIdList: [props.securityGroup.securityGroupId],
        },
      },
    });

    acknowledge(connection, [
      {
        id: 'CloudFormation-Validate::W3010',
        reason:
          'A Glue NETWORK connection must name the zone of its subnet; both come from the VPC built for this region.',
      },
    ]);
    const asset = (name: string, path: string) => new assets.Asset(this, name, { path });
    const modules = scripts.modules.map((path, index) => asset(`Module${index}`, path).s3ObjectUrl);
    const scriptAssets = scripts.jobs.map(({ stage, path }) => asset(`Script-${stage}`, path));
    // Scripts and modules are CDK assets in the bootstrap bucket: read-only access to it.
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadJobAssets',
        actions: ['s3:GetObject'],
        resources: [
          s3.Bucket.fromBucketName(this, 'Assets', scriptAssets[0]?.s3BucketName ?? '').arnForObjects('*'),
        ],
      }),
    );
    const w = props.warehouse;
    // The values of the contract's arguments (jobs.json); secrets travel as ARNs only, the jobs
    // read their values from Secrets Manager when they start.
    const values: Record<string, string> = {
      assets_url: this.assetsUrl,
      database: w.databaseName,
      workgroup: w.workgroupName,
      redshift_secret_arn: w.loaderSecret.secretArn,
      erp_secret_arn: this.erpSecret.secretArn,
    };

    const jobs = scripts.jobs.map((spec, index) => {
      const job = new glue.CfnJob(this, `Job-${spec.stage}`, {
        // The names `shoebox etl run --glue` starts (jobNameOf in glue/aws/glue-stages.ts).
        name: `shoebox-${spec.stage}`,
        role: role.roleArn,
        command: {
          name: 'pythonshell',
          pythonVersion: '3.9',
          scriptLocation: scriptAssets[index]?.s3ObjectUrl,
        },
        glueVersion: '3.0',
        maxCapacity: spec.maxCapacity,
        maxRetries: 0,
        timeout: 180,
        executionProperty: { maxConcurrentRuns: 1 },
        connections: { connections: ['shoebox-vpc'] },
        securityConfiguration: securityConfiguration.ref,
        defaultArguments: {
          '--job-language': 'python',
          'library-set': 'analytics',
          ...(modules.length > 0 ? { '--extra-py-files': modules.join(',') } : {}),
          ...(spec.pythonModules ? { '--additional-python-modules': spec.pythonModules } : {}),
          ...jobArguments(scripts, spec, values),
        },
      });
      job.addResourceDependency(connection);
      return job;
    });
    this.jobNames = jobs.map((job) => job.name as string);

    const workflow = new glue.CfnWorkflow(this, 'Workflow', {
      name: 'shoebox-pipeline',
      description: `Runs ${this.jobNames.join(' → ')} in order`,
    });
    jobs.forEach((job, index) => {
      const previous = jobs[index - 1];
      const trigger = new glue.CfnTrigger(this, `Trigger-${index}`, {
        name: `shoebox-${index === 0 ? 'schedule' : `after-${previous?.name}`}`,
        workflowName: workflow.ref,
        type: previous ? 'CONDITIONAL' : 'SCHEDULED',
        schedule: previous ? undefined : (props.schedule ?? 'cron(0 5 * * ? *)'),
        startOnCreation: true,
        actions: [{ jobName: job.name }],
        predicate: previous
          ? { conditions: [{ jobName: previous.name, logicalOperator: 'EQUALS', state: 'SUCCEEDED' }] }
          : undefined,
      });
      trigger.addResourceDependency(job);
      if (previous) trigger.addResourceDependency(previous);
    });

    acknowledge(role, [
      {
        id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSGlueServiceRole]',
        reason:
          'AWSGlueServiceRole is the AWS-maintained policy for what Glue itself needs (network interfaces for the VPC connection, its logs); AWS keeps it current with the service.',
      },
      {
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::shoebox-staging-<AWS::AccountId>-${this.region}/${props.stagingPrefix}/*]`,
        reason:
          'The jobs write and read every file of a run, whose names are not known in advance; the wildcard is confined to the staging prefix.',
      },
      {
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${this.region}/*]`,
        reason:
          'Job scripts and shared modules are CDK assets named by content hash in the bootstrap bucket; GetObject only.',
      },
      {
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::shoebox-staging-<AWS::AccountId>-${this.region}/${assetsPrefix}/*]`,
        reason:
          'The rendered SQL is one JSON file per table and stage, named by the ERP tables; GetObject only, confined to the assets prefix.',
      },
    ]);
    acknowledge(this.erpSecret, [
      {
        id: 'AwsSolutions::AwsSolutions-SMG4',
        reason:
          'The ERP password belongs to the ERP team and changes on their schedule; put the new value with put-secret-value (docs/deploy-aws.md).',
      },
    ]);
    new CfnOutput(this, 'WorkflowName', { value: workflow.ref });
    new CfnOutput(this, 'ErpUrlSecretArn', { value: this.erpSecret.secretArn });
    new CfnOutput(this, 'GlueAssetsUrl', { value: this.assetsUrl });
    new CfnOutput(this, 'JobRoleArn', { value: role.roleArn });
  }
}

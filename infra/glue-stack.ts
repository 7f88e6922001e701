/**
 * The pipeline on AWS Glue: one Python shell job per script of glue/jobs (uploaded as assets),
 * all running inside the VPC through a NETWORK connection, chained by a workflow whose first
 * trigger is a schedule. Logs and bookmarks are encrypted by a security configuration.
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
import { readGlueScripts } from './glue-scripts.ts';
import type { WarehouseStack } from './warehouse-stack.ts';

export interface GlueStackProps extends StackProps {
  vpc: ec2.IVpc;
  securityGroup: ec2.ISecurityGroup;
  /** Folder of the job scripts (see glue-scripts.ts). */
  scriptsDir: string;
  /** The repository's sql/ folder, shipped as one zip the jobs can fetch. */
  sqlDir: string;
  /** Physical name of the staging bucket (see stagingBucketName). */
  stagingBucketName: string;
  stagingPrefix: string;
  stagingUrl: string;
  warehouse: WarehouseStack;
  ledgerUrl: string;
  ledgerSecret: secretsmanager.ISecret;
  /** Glue cron expression; default 05:00 UTC daily. */
  schedule?: string;
}

export class GlueStack extends Stack {
  readonly jobNames: string[];
  readonly erpSecret: secretsmanager.Secret;

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
    props.warehouse.grantDataApi(role, props.warehouse.loaderSecret);
    props.ledgerSecret.grantRead(role);
    // The ERP connection string (mssql://USER:PASS@HOST:PORT/DB) is entered after deploy.
    this.erpSecret = new secretsmanager.Secret(this, 'ErpUrl', {
      description: 'shoebox ERP_URL (mssql://USER:PASS@HOST:PORT/DB); put the value after deploying',
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
    const sql = asset('SqlFiles', props.sqlDir);
    // The scripts, modules and SQL zip are CDK assets in the bootstrap bucket: read-only access to it.
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadJobAssets',
        actions: ['s3:GetObject'],
        resources: [s3.Bucket.fromBucketName(this, 'Assets', sql.s3BucketName).arnForObjects('*')],
      }),
    );
    const w = props.warehouse;
    // Settings, not secrets: the jobs read the secrets' values from Secrets Manager when they start.
    const settings: Record<string, string> = {
      '--WAREHOUSE_URL': w.warehouseUrl(w.loaderSecret),
      '--STAGING_URL': props.stagingUrl,
      '--REDSHIFT_COPY_IAM_ROLE': w.copyRole.roleArn,
      '--LEDGER_URL': props.ledgerUrl,
      '--LEDGER_SECRET_ARN': props.ledgerSecret.secretArn,
      '--ERP_URL_SECRET_ARN': this.erpSecret.secretArn,
      '--AWS_REGION': this.region,
      '--SQL_ZIP_URL': sql.s3ObjectUrl,
    };
    if (modules.length > 0) settings['--extra-py-files'] = modules.join(',');

    const jobs = scripts.jobs.map(({ name, path }) => {
      const job = new glue.CfnJob(this, `Job-${name}`, {
        name: `shoebox-${name}`,
        role: role.roleArn,
        command: {
          name: 'pythonshell',
          pythonVersion: '3.9',
          scriptLocation: asset(`Script-${name}`, path).s3ObjectUrl,
        },
        glueVersion: '3.0',
        maxCapacity: 0.0625,
        maxRetries: 0,
        timeout: 120,
        connections: { connections: ['shoebox-vpc'] },
        securityConfiguration: securityConfiguration.ref,
        defaultArguments: settings,
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
          'Job scripts, shared modules and the SQL zip are CDK assets named by content hash in the bootstrap bucket; GetObject only.',
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
  }
}

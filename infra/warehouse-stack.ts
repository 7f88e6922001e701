/**
 * Redshift Serverless: a namespace (the data, encrypted with our own key, audit logs to
 * CloudWatch) and a workgroup (the compute, private, in the isolated subnets, with enhanced VPC
 * routing so COPY traffic stays on the S3 gateway endpoint). The COPY role can read the staging
 * prefix and nothing else: the seeds' fix of attaching AmazonS3ReadOnlyAccess is what this avoids.
 */
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as redshift from 'aws-cdk-lib/aws-redshiftserverless';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { acknowledge } from './cdk-nag.ts';
import { databaseUserSecret } from './database-user-secret.ts';

export interface WarehouseStackProps extends StackProps {
  vpc: ec2.IVpc;
  securityGroup: ec2.ISecurityGroup;
  /** Physical name of the staging bucket (see StagingStack.bucketNameFor). */
  stagingBucketName: string;
  stagingPrefix: string;
  /** Default "shoebox". */
  workgroupName?: string;
  /** Default "analytics". */
  databaseName?: string;
  /** Minimum Redshift Processing Units; 8 is the smallest and bills nothing while idle. */
  baseCapacity?: number;
}

export const WAREHOUSE_USERS = {
  admin: 'shoebox_admin',
  reader: 'shoebox_assistant',
  loader: 'shoebox_loader',
};

export class WarehouseStack extends Stack {
  readonly workgroupName: string;
  readonly databaseName: string;
  readonly workgroupArn: string;
  readonly copyRole: iam.Role;
  readonly adminSecret: secretsmanager.Secret;
  readonly readerSecret: secretsmanager.Secret;
  readonly loaderSecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: WarehouseStackProps) {
    super(scope, id, props);
    this.workgroupName = props.workgroupName ?? 'shoebox';
    this.databaseName = props.databaseName ?? 'analytics';
    const key = new kms.Key(this, 'WarehouseKey', {
      description: 'Encrypts the shoebox Redshift Serverless namespace',
      enableKeyRotation: true,
    });

    this.copyRole = new iam.Role(this, 'CopyRole', {
      description: 'Assumed by Redshift for COPY: reads the staging prefix only',
      assumedBy: new iam.CompositePrincipal(
        new iam.ServicePrincipal('redshift.amazonaws.com'),
        new iam.ServicePrincipal('redshift-serverless.amazonaws.com'),
      ),
    });
    const stagingBucket = s3.Bucket.fromBucketName(this, 'StagingBucket', props.stagingBucketName);
    const objects = stagingBucket.arnForObjects(`${props.stagingPrefix}/*`);
    this.copyRole.addToPolicy(
      new iam.PolicyStatement({ sid: 'ReadStagedExtracts', actions: ['s3:GetObject'], resources: [objects] }),
    );
    this.copyRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ListStagingPrefix',
        actions: ['s3:ListBucket'],
        resources: [stagingBucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${props.stagingPrefix}/*`] } },
      }),
    );
    acknowledge(this.copyRole, [
      {
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::shoebox-staging-<AWS::AccountId>-${this.region}/${props.stagingPrefix}/*]`,
        reason:
          'COPY reads every file a run stages, whose names are not known in advance; the wildcard is confined to the staging prefix.',
      },
    ]);

    this.adminSecret = databaseUserSecret(this, 'AdminSecret', WAREHOUSE_USERS.admin, 'Redshift admin');
    this.readerSecret = databaseUserSecret(
      this,
      'ReaderSecret',
      WAREHOUSE_USERS.reader,
      'assistant (curated only)',
    );
    this.loaderSecret = databaseUserSecret(this, 'LoaderSecret', WAREHOUSE_USERS.loader, 'pipeline loader');
    for (const secret of [this.adminSecret, this.readerSecret, this.loaderSecret]) {
      acknowledge(secret, [
        {
          id: 'AwsSolutions::AwsSolutions-SMG4',
          reason:
            'Secrets Manager has no hosted rotation function for Redshift Serverless users; rotate by putting a new password and running infra/scripts/create-warehouse-users.sh again (docs/deploy-aws.md).',
        },
      ]);
    }

    const namespace = new redshift.CfnNamespace(this, 'Namespace', {
      namespaceName: this.workgroupName,
      dbName: this.databaseName,
      adminUsername: WAREHOUSE_USERS.admin,
      // A dynamic reference: CloudFormation resolves it at deploy time, the template holds no password.
      adminUserPassword: this.adminSecret.secretValueFromJson('password').unsafeUnwrap(),
      kmsKeyId: key.keyArn,
      iamRoles: [this.copyRole.roleArn],
      defaultIamRoleArn: this.copyRole.roleArn,
      // Audit logging: connections, users and every statement, to CloudWatch Logs.
      logExports: ['connectionlog', 'userlog', 'useractivitylog'],
    });
    // The data outlives the stack: `cdk destroy` keeps the namespace (docs/deploy-aws.md, tear-down).
    namespace.applyRemovalPolicy(RemovalPolicy.RETAIN);
    const workgroup = new redshift.CfnWorkgroup(this, 'Workgroup', {
      workgroupName: this.workgroupName,
      namespaceName: this.workgroupName,
      baseCapacity: props.baseCapacity ?? 8,
      publiclyAccessible: false,
      enhancedVpcRouting: true,
      subnetIds: props.vpc.selectSubnets({ subnetType: ec2.SubnetType.PRIVATE_ISOLATED }).subnetIds,
      securityGroupIds: [props.securityGroup.securityGroupId],
      configParameters: [{ parameterKey: 'enable_user_activity_logging', parameterValue: 'true' }],
    });
    workgroup.addResourceDependency(namespace);
    this.workgroupArn = workgroup.attrWorkgroupWorkgroupArn;

    new CfnOutput(this, 'WorkgroupName', { value: this.workgroupName });
    new CfnOutput(this, 'DatabaseName', { value: this.databaseName });
    new CfnOutput(this, 'CopyRoleArn', { value: this.copyRole.roleArn });
    new CfnOutput(this, 'AdminSecretArn', { value: this.adminSecret.secretArn });
    new CfnOutput(this, 'ReaderSecretArn', { value: this.readerSecret.secretArn });
    new CfnOutput(this, 'LoaderSecretArn', { value: this.loaderSecret.secretArn });
    // WAREHOUSE_URL values, for the assistant (curated only) and for the pipeline's loader.
    new CfnOutput(this, 'ReaderWarehouseUrl', { value: this.warehouseUrl(this.readerSecret) });
    new CfnOutput(this, 'LoaderWarehouseUrl', { value: this.warehouseUrl(this.loaderSecret) });
  }

  /** WAREHOUSE_URL for a client that runs as `secret`'s user through the Data API. */
  warehouseUrl(secret: secretsmanager.ISecret): string {
    return `redshift-data://${this.workgroupName}/${this.databaseName}?secretArn=${secret.secretArn}`;
  }

  /** Lets `grantee` run Data API statements on this workgroup as the user of `secret`. */
  grantDataApi(grantee: iam.IGrantable, secret: secretsmanager.ISecret): void {
    iam.Grant.addToPrincipal({
      grantee,
      actions: ['redshift-data:ExecuteStatement', 'redshift-data:BatchExecuteStatement'],
      resourceArns: [this.workgroupArn],
    });
    // Statement ids are not resources: describing, fetching and cancelling are scoped by the
    // Data API to the caller's own statements.
    iam.Grant.addToPrincipal({
      grantee,
      actions: [
        'redshift-data:DescribeStatement',
        'redshift-data:GetStatementResult',
        'redshift-data:CancelStatement',
      ],
      resourceArns: ['*'],
    });
    secret.grantRead(grantee);
    const policyOwner = grantee.grantPrincipal;
    if (policyOwner instanceof iam.Role) {
      acknowledge(policyOwner, [
        {
          id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
          reason:
            'Data API statement ids are not IAM resources: DescribeStatement, GetStatementResult and CancelStatement take "*" and the service limits them to the caller\'s own statements.',
        },
      ]);
    }
  }
}

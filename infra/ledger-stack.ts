/**
 * RDS Postgres for the finance ledger: private (isolated subnets), encrypted, deletion-protected,
 * backed up, IAM authentication on. The master user's and the application user's credentials
 * live in Secrets Manager and rotate every 30 days; the application user (member of
 * shoebox_ledger_app, which has no UPDATE or DELETE on postings) rotates between two users so a
 * running task never holds a password that just stopped working.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { acknowledge } from './cdk-nag.ts';
import { databaseUserSecret } from './database-user-secret.ts';

export interface LedgerStackProps extends StackProps {
  vpc: ec2.IVpc;
  securityGroup: ec2.ISecurityGroup;
  rotationSecurityGroup: ec2.ISecurityGroup;
  /** A standby in a second zone; off by default (doubles the cost), on for production. */
  multiAz?: boolean;
}

export const LEDGER_USERS = { master: 'shoebox_master', app: 'shoebox_ledger_web' };
export const LEDGER_DATABASE = 'ledger';

export class LedgerStack extends Stack {
  readonly instance: rds.DatabaseInstance;
  readonly masterSecret: secretsmanager.ISecret;
  readonly appSecret: secretsmanager.Secret;
  /** LEDGER_URL without credentials: the app gets PGUSER and PGPASSWORD from appSecret at start. */
  readonly ledgerUrl: string;

  constructor(scope: Construct, id: string, props: LedgerStackProps) {
    super(scope, id, props);
    const multiAz = props.multiAz ?? false;
    this.instance = new rds.DatabaseInstance(this, 'Ledger', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T4G, ec2.InstanceSize.MICRO),
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      securityGroups: [props.securityGroup],
      publiclyAccessible: false,
      storageEncrypted: true,
      allocatedStorage: 20,
      maxAllocatedStorage: 100,
      multiAz,
      databaseName: LEDGER_DATABASE,
      credentials: rds.Credentials.fromGeneratedSecret(LEDGER_USERS.master, {
        excludeCharacters: ' %+~`#$&*()|[]{}:;<>?!\'/@"\\',
      }),
      iamAuthentication: true,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      backupRetention: Duration.days(14),
      // rds.force_ssl is on by default from Postgres 15: every client must use TLS.
      cloudwatchLogsExports: ['postgresql', 'upgrade'],
      enablePerformanceInsights: false,
    });
    if (!this.instance.secret) throw new Error('the ledger instance has no generated secret');
    this.masterSecret = this.instance.secret;
    // SecretRotation rather than instance.addRotation*: the instance's port is a token of this
    // stack, and a rule on the network stack's group using it would make the stacks depend on
    // each other. The literal port matches the rule already in security-groups.ts.
    const target = new ec2.Connections({
      securityGroups: [props.securityGroup],
      defaultPort: ec2.Port.tcp(5432),
    });
    const rotation = {
      vpc: props.vpc,
      target,
      automaticallyAfter: Duration.days(30),
      securityGroup: props.rotationSecurityGroup,
      vpcSubnets: { subnetGroupName: 'app' },
    };
    new secretsmanager.SecretRotation(this, 'MasterRotation', {
      ...rotation,
      secret: this.masterSecret,
      application: secretsmanager.SecretRotationApplication.POSTGRES_ROTATION_SINGLE_USER,
    });
    this.appSecret = databaseUserSecret(this, 'AppUserSecret', LEDGER_USERS.app, 'ledger application user');
    const attached = this.appSecret.attach(this.instance);
    new secretsmanager.SecretRotation(this, 'AppUserRotation', {
      ...rotation,
      secret: attached,
      masterSecret: this.masterSecret,
      application: secretsmanager.SecretRotationApplication.POSTGRES_ROTATION_MULTI_USER,
    });

    const { hostname, port } = this.instance.instanceEndpoint;
    this.ledgerUrl = `postgres://${hostname}:${port}/${LEDGER_DATABASE}?sslmode=verify-full`;
    if (!multiAz) {
      acknowledge(this.instance, [
        {
          id: 'AwsSolutions::AwsSolutions-RDS3',
          reason:
            'Single-AZ by default to keep an idle deployment cheap; set multiAz for production (docs/deploy-aws.md).',
        },
      ]);
    }
    acknowledge(this.instance, [
      {
        id: 'AwsSolutions::AwsSolutions-RDS11',
        reason:
          'The default port is kept: only the security groups of the app, Glue and rotation reach it, and the database is in isolated subnets.',
      },
    ]);

    new CfnOutput(this, 'LedgerUrl', { value: this.ledgerUrl });
    new CfnOutput(this, 'MasterSecretArn', { value: this.masterSecret.secretArn });
    new CfnOutput(this, 'AppUserSecretArn', { value: this.appSecret.secretArn });
  }
}

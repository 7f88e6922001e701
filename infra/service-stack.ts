/**
 * The web app and the Slack app on ECS Fargate (why Fargate and not EC2: docs/deploy-aws.md),
 * the web app behind an internet-facing HTTPS load balancer. Settings come from the other
 * stacks' outputs; secrets are injected by ECS from Secrets Manager when a task starts, so
 * they are never in the image, the task definition or an environment file.
 */
import { CfnOutput, CfnParameter, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elb from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { LEDGER_SETUP_COMMAND } from './ledger-setup-command.ts';
import { PORTS, type SecurityGroups } from './security-groups.ts';
import { acknowledgeServiceFindings } from './service-suppressions.ts';
import type { WarehouseStack } from './warehouse-stack.ts';

export interface ServiceStackProps extends StackProps {
  vpc: ec2.IVpc;
  groups: SecurityGroups;
  /** Folder with the app's Dockerfile (the repository root). */
  imageDir: string;
  warehouse: WarehouseStack;
  ledgerUrl: string;
  ledgerAppSecret: secretsmanager.ISecret;
  ledgerMasterSecret: secretsmanager.ISecret;
  stagingUrl: string;
  logBucket: s3.IBucket;
  /** Slack app tasks; 0 until the Slack secrets hold real tokens. */
  botTasks?: number;
}

export class ServiceStack extends Stack {
  readonly slackSecret: secretsmanager.Secret;
  readonly openAiSecret: secretsmanager.Secret;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    const certificateArn = new CfnParameter(this, 'CertificateArn', {
      type: 'String',
      description: 'ARN of the ACM certificate for the load balancer (HTTPS only)',
      allowedPattern: '^arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/.+$',
    });
    // Placeholders until the real values are put (docs/deploy-aws.md); the prefixes pass the app's checks.
    const placeholder = (id: string, description: string, template: Record<string, string>) =>
      new secretsmanager.Secret(this, id, {
        description,
        generateSecretString: { secretStringTemplate: JSON.stringify(template), generateStringKey: 'unused' },
      });
    this.slackSecret = placeholder('SlackSecrets', 'shoebox Slack app: botToken, appToken, signingSecret', {
      botToken: 'xoxb-REPLACE-ME',
      appToken: 'xapp-REPLACE-ME',
      signingSecret: 'REPLACE-ME',
    });
    this.openAiSecret = placeholder('OpenAiSecret', 'shoebox OpenAI-compatible API key', {
      apiKey: 'REPLACE-ME',
    });

    const cluster = new ecs.Cluster(this, 'Cluster', {
      vpc: props.vpc,
      containerInsightsV2: ecs.ContainerInsights.ENABLED,
    });
    const image = ecs.ContainerImage.fromAsset(props.imageDir);
    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.THREE_MONTHS });
    const w = props.warehouse;
    const settings = {
      WAREHOUSE_URL: w.warehouseUrl(w.readerSecret),
      LEDGER_URL: props.ledgerUrl,
      STAGING_URL: props.stagingUrl,
      AWS_REGION: this.region,
      SHOEBOX_HOME: '/tmp/shoebox',
      // RDS's CA bundle, added to the image by the Dockerfile, so sslmode=verify-full can verify.
      NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/rds-global-bundle.pem',
    };
    const secrets = {
      PGUSER: ecs.Secret.fromSecretsManager(props.ledgerAppSecret, 'username'),
      PGPASSWORD: ecs.Secret.fromSecretsManager(props.ledgerAppSecret, 'password'),
      OPENAI_API_KEY: ecs.Secret.fromSecretsManager(this.openAiSecret, 'apiKey'),
    };
    const task = (name: string, command: string[], extra: Record<string, ecs.Secret>, env = {}) => {
      const definition = new ecs.FargateTaskDefinition(this, `${name}Task`, {
        cpu: 512,
        memoryLimitMiB: 1024,
      });
      definition.addContainer(name.toLowerCase(), {
        image,
        command,
        environment: { ...settings, ...env },
        secrets: extra,
        logging: ecs.LogDrivers.awsLogs({ logGroup, streamPrefix: name.toLowerCase() }),
        portMappings: name === 'Web' ? [{ containerPort: PORTS.web }] : [],
      });
      return definition;
    };

    const webTask = task(
      'Web',
      ['node', 'bin/shoebox.js', 'serve', '--host', '0.0.0.0', '--port', String(PORTS.web)],
      secrets,
    );
    w.grantDataApi(webTask.taskRole, w.readerSecret);
    const web = new ecs.FargateService(this, 'WebService', {
      cluster,
      taskDefinition: webTask,
      desiredCount: 1,
      securityGroups: [props.groups.web],
      vpcSubnets: { subnetGroupName: 'app' },
      circuitBreaker: { rollback: true },
    });

    const botTask = task('Bot', ['node', 'bin/shoebox.js', 'slack'], {
      ...secrets,
      SLACK_BOT_TOKEN: ecs.Secret.fromSecretsManager(this.slackSecret, 'botToken'),
      SLACK_APP_TOKEN: ecs.Secret.fromSecretsManager(this.slackSecret, 'appToken'),
      SLACK_SIGNING_SECRET: ecs.Secret.fromSecretsManager(this.slackSecret, 'signingSecret'),
    });
    w.grantDataApi(botTask.taskRole, w.readerSecret);
    new ecs.FargateService(this, 'BotService', {
      cluster,
      taskDefinition: botTask,
      desiredCount: props.botTasks ?? 0,
      securityGroups: [props.groups.bot],
      vpcSubnets: { subnetGroupName: 'app' },
      circuitBreaker: { rollback: true },
    });

    // One-off: `aws ecs run-task` with this definition migrates the ledger and creates its app user.
    const setupTask = task(
      'LedgerSetup',
      LEDGER_SETUP_COMMAND,
      {
        PGUSER: ecs.Secret.fromSecretsManager(props.ledgerMasterSecret, 'username'),
        PGPASSWORD: ecs.Secret.fromSecretsManager(props.ledgerMasterSecret, 'password'),
        LEDGER_APP_USER: ecs.Secret.fromSecretsManager(props.ledgerAppSecret, 'username'),
        LEDGER_APP_PASSWORD: ecs.Secret.fromSecretsManager(props.ledgerAppSecret, 'password'),
      },
      {},
    );

    const alb = new elb.ApplicationLoadBalancer(this, 'Alb', {
      vpc: props.vpc,
      internetFacing: true,
      securityGroup: props.groups.alb,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      dropInvalidHeaderFields: true,
    });
    alb.logAccessLogs(props.logBucket, 'alb');
    const listener = alb.addListener('Https', {
      port: PORTS.https,
      protocol: elb.ApplicationProtocol.HTTPS,
      sslPolicy: elb.SslPolicy.RECOMMENDED_TLS,
      certificates: [elb.ListenerCertificate.fromArn(certificateArn.valueAsString)],
      // The group's rules are in security-groups.ts; do not let CDK add 0.0.0.0/0 on its own.
      open: false,
    });
    listener.addTargets('Web', {
      port: PORTS.web,
      protocol: elb.ApplicationProtocol.HTTP,
      targets: [web],
      healthCheck: { path: '/healthz', interval: Duration.seconds(30) },
    });

    acknowledgeServiceFindings({
      tasks: [webTask, botTask, setupTask],
      secrets: [this.slackSecret, this.openAiSecret],
    });
    new CfnOutput(this, 'Url', { value: `https://${alb.loadBalancerDnsName}` });
    new CfnOutput(this, 'ClusterName', { value: cluster.clusterName });
    new CfnOutput(this, 'LedgerSetupTaskDefinition', { value: setupTask.taskDefinitionArn });
    new CfnOutput(this, 'AppSubnets', {
      value: props.vpc.selectSubnets({ subnetGroupName: 'app' }).subnetIds.join(','),
    });
    new CfnOutput(this, 'WebSecurityGroup', { value: props.groups.web.securityGroupId });
    new CfnOutput(this, 'SlackSecretArn', { value: this.slackSecret.secretArn });
    new CfnOutput(this, 'OpenAiSecretArn', { value: this.openAiSecret.secretArn });
  }
}

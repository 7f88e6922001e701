/**
 * Synthesises every stack once (with cdk-nag's AwsSolutions pack, which stops synth on any
 * unacknowledged finding) and checks the properties the deployment's security rests on.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNagChecks } from './cdk-nag.ts';
import { createShoeboxStacks, type ShoeboxStacks } from './shoebox-stacks.ts';

// biome-ignore lint/suspicious/noExplicitAny: synthesised CloudFormation JSON, checked by the assertions
type Json = any;
type Resource = { Type: string; Properties?: Record<string, Json> };
interface NameValue {
  Name: string;
  Value?: unknown;
  ValueFrom?: unknown;
}
interface NagReport {
  pluginReports: {
    pluginName: string;
    violations: unknown[];
    suppressedViolations: { acknowledgedId: string; reason: string }[];
  }[];
}

const root = fileURLToPath(new URL('..', import.meta.url));
let dir: string;
let templates: Record<keyof ShoeboxStacks, Template>;
let report: NagReport;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shoebox-infra-'));
  for (const [file, text] of [['image/Dockerfile', 'FROM scratch\n']] as const) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const app = new App({ outdir: join(dir, 'cdk.out') });
  const stacks = createShoeboxStacks(app, {
    env: { region: 'eu-west-1' },
    glueScriptsDir: join(root, 'glue', 'jobs'),
    imageDir: join(dir, 'image'),
  });
  addNagChecks(app);
  const assembly = app.synth();
  report = JSON.parse(readFileSync(join(assembly.directory, 'validation-report.json'), 'utf8'));
  templates = Object.fromEntries(
    Object.entries(stacks).map(([name, stack]) => [name, Template.fromStack(stack)]),
  ) as typeof templates;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function resources(template: Template, type: string): Resource[] {
  return Object.values(template.findResources(type)) as Resource[];
}

function allResources(type: string): [string, Resource][] {
  return Object.entries(templates).flatMap(([stack, template]) =>
    resources(template, type).map((resource) => [stack, resource] as [string, Resource]),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it('passes with no unacknowledged finding, and every acknowledgement gives its reason', () => {
    const pack = report.pluginReports.find((plugin) => plugin.pluginName === 'AwsSolutions');
    expect(pack?.violations).toEqual([]);
    expect(pack?.suppressedViolations.length).toBeGreaterThan(0);
    for (const acknowledged of pack?.suppressedViolations ?? []) {
      expect(acknowledged.reason.length, acknowledged.acknowledgedId).toBeGreaterThan(40);
    }
  });
});

describe('Redshift Serverless', () => {
  it('is not publicly accessible, routes COPY through the VPC and sits in the isolated subnets', () => {
    templates.warehouse.hasResourceProperties('AWS::RedshiftServerless::Workgroup', {
      PubliclyAccessible: false,
      EnhancedVpcRouting: true,
      ConfigParameters: Match.arrayWith([
        { ParameterKey: 'enable_user_activity_logging', ParameterValue: 'true' },
      ]),
    });
    const [workgroup] = resources(templates.warehouse, 'AWS::RedshiftServerless::Workgroup');
    const subnets = JSON.stringify(workgroup?.Properties?.SubnetIds);
    expect(subnets).toMatch(/dataSubnet/);
    expect(subnets).not.toMatch(/publicSubnet|appSubnet/);
  });

  it('encrypts the namespace with its own rotating key, exports the audit logs, keeps no password in the template', () => {
    templates.warehouse.hasResourceProperties('AWS::RedshiftServerless::Namespace', {
      KmsKeyId: Match.anyValue(),
      LogExports: Match.arrayEquals(['connectionlog', 'userlog', 'useractivitylog']),
      AdminUserPassword: Match.objectLike({
        'Fn::Join': Match.arrayWith([Match.arrayWith(['{{resolve:secretsmanager:'])]),
      }),
    });
    templates.warehouse.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    templates.warehouse.hasResource('AWS::RedshiftServerless::Namespace', { DeletionPolicy: 'Retain' });
  });

  it('gives the COPY role read access to the staging prefix and nothing else', () => {
    const roles = templates.warehouse.findResources('AWS::IAM::Role', {
      Properties: { Description: Match.stringLikeRegexp('COPY') },
    });
    const [roleId] = Object.keys(roles);
    expect(roleId).toBeDefined();
    expect(JSON.stringify(roles)).not.toMatch(/ManagedPolicyArns/);
    const policies = Object.values(templates.warehouse.findResources('AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy.Properties.Roles).includes(roleId as string),
    );
    const statements = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement);
    expect(statements.map((statement) => [statement.Effect, statement.Action])).toEqual([
      ['Allow', 's3:GetObject'],
      ['Allow', 's3:ListBucket'],
    ]);
    const [read, list] = statements;
    expect(JSON.stringify(read.Resource)).toMatch(/shoebox-staging-.*\/staging\/\*"/);
    expect(list.Condition).toEqual({ StringLike: { 's3:prefix': ['staging/*'] } });
    expect(JSON.stringify(statements)).not.toMatch(/"\*"|s3:\*/);
  });
});

describe('RDS ledger', () => {
  it('is private, encrypted, deletion-protected and backed up', () => {
    templates.ledger.hasResourceProperties('AWS::RDS::DBInstance', {
      PubliclyAccessible: false,
      StorageEncrypted: true,
      DeletionProtection: true,
      BackupRetentionPeriod: 14,
      Engine: 'postgres',
    });
    const [group] = resources(templates.ledger, 'AWS::RDS::DBSubnetGroup');
    expect(JSON.stringify(group?.Properties?.SubnetIds)).toMatch(/dataSubnet/);
  });

  it('rotates the master and the application user credentials', () => {
    const schedules = resources(templates.ledger, 'AWS::SecretsManager::RotationSchedule');
    expect(schedules).toHaveLength(2);
    for (const schedule of schedules) {
      expect(schedule.Properties?.RotationRules).toMatchObject({ ScheduleExpression: 'rate(30 days)' });
    }
  });
});

describe('S3 staging', () => {
  it('blocks public access, encrypts, versions and expires old extracts', () => {
    templates.staging.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: Match.anyValue(),
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: Match.objectLike({}),
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Id: 'expire-old-extracts', Prefix: 'staging/', ExpirationInDays: 90 }),
        ]),
      },
    });
  });

  it('denies every request without TLS on every bucket', () => {
    const buckets = resources(templates.staging, 'AWS::S3::Bucket');
    const policies = resources(templates.staging, 'AWS::S3::BucketPolicy');
    expect(policies).toHaveLength(buckets.length);
    for (const policy of policies) {
      expect(policy.Properties?.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Principal: { AWS: '*' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
  });
});

describe('security groups', () => {
  const anywhere = (rule: Record<string, unknown>) => rule.CidrIp === '0.0.0.0/0' || rule.CidrIpv6 === '::/0';

  it('admit the internet only on the load balancer, only on 443', () => {
    const open: string[] = [];
    for (const [stack, group] of allResources('AWS::EC2::SecurityGroup')) {
      for (const rule of group.Properties?.SecurityGroupIngress ?? []) {
        if (anywhere(rule))
          open.push(`${stack}:${group.Properties?.GroupDescription}:${rule.FromPort}-${rule.ToPort}`);
      }
    }
    for (const [stack, rule] of allResources('AWS::EC2::SecurityGroupIngress')) {
      if (anywhere(rule.Properties ?? {})) open.push(`${stack}:standalone:${rule.Properties?.FromPort}`);
    }
    expect(open).toEqual(['network:Public HTTPS load balancer in front of the web app:443-443']);
  });

  it('let nothing out to the internet except HTTPS', () => {
    const egress = allResources('AWS::EC2::SecurityGroup').flatMap(([, group]) =>
      (group.Properties?.SecurityGroupEgress ?? []).filter(anywhere),
    );
    expect(egress.length).toBeGreaterThan(0);
    for (const rule of egress)
      expect([rule.IpProtocol, rule.FromPort, rule.ToPort]).toEqual(['tcp', 443, 443]);
  });

  it('let only the app, the Glue jobs and the rotation functions reach the ledger', () => {
    const sources = allResources('AWS::EC2::SecurityGroupIngress')
      .filter(([, rule]) => rule.Properties?.FromPort === 5432)
      .map(([, rule]) => JSON.stringify(rule.Properties?.SourceSecurityGroupId));
    expect(sources.map((source) => /Groups(\w+?)[0-9A-F]{8}/.exec(source)?.[1]).sort()).toEqual([
      'Bot',
      'Glue',
      'Rotation',
      'Web',
    ]);
  });
});

describe('Glue', () => {
  const contract = JSON.parse(readFileSync(join(root, 'glue', 'jobs', 'jobs.json'), 'utf8')) as {
    jobs: { stage: string }[];
  };
  const names = contract.jobs.map((job) => `shoebox-${job.stage}`);

  it('deploys one job per contract entry, in the VPC, sharing the _ modules, with the warehouse as arguments', () => {
    const jobs = resources(templates.glue, 'AWS::Glue::Job');
    expect(jobs.map((job) => job.Properties?.Name).sort()).toEqual([...names].sort());
    for (const job of jobs) {
      expect(job.Properties?.Connections).toEqual({ Connections: ['shoebox-vpc'] });
      expect(job.Properties?.Command.Name).toBe('pythonshell');
      const args = job.Properties?.DefaultArguments;
      expect(args).toMatchObject({ '--database': 'analytics', '--workgroup': 'shoebox' });
      expect(JSON.stringify(args['--assets_url'])).toMatch(/s3:\/\/shoebox-staging-.*\/glue-assets"/);
      expect(JSON.stringify(args['--extra-py-files'])).toMatch(/\.py"/);
      expect(JSON.stringify(args['--redshift_secret_arn'])).toMatch(/LoaderSecret/);
      expect(Object.keys(args).some((name) => /^--[A-Z]/.test(name))).toBe(false);
    }
    templates.glue.hasResourceProperties('AWS::Glue::Connection', {
      ConnectionInput: Match.objectLike({ ConnectionType: 'NETWORK' }),
    });
  });

  it('runs the jobs in the contract order from a schedule', () => {
    templates.glue.hasResourceProperties('AWS::Glue::Trigger', {
      Type: 'SCHEDULED',
      Schedule: 'cron(0 5 * * ? *)',
      Actions: [{ JobName: names[0] }],
    });
    names.slice(1).forEach((name, index) => {
      templates.glue.hasResourceProperties('AWS::Glue::Trigger', {
        Type: 'CONDITIONAL',
        Actions: [{ JobName: name }],
        Predicate: {
          Conditions: [{ JobName: names[index], LogicalOperator: 'EQUALS', State: 'SUCCEEDED' }],
        },
      });
    });
  });
});

describe('services', () => {
  it('serve HTTPS only, with the certificate given at deploy time', () => {
    const listeners = resources(templates.service, 'AWS::ElasticLoadBalancingV2::Listener');
    expect(listeners.map((listener) => [listener.Properties?.Protocol, listener.Properties?.Port])).toEqual([
      ['HTTPS', 443],
    ]);
    expect(listeners[0]?.Properties?.Certificates).toEqual([{ CertificateArn: { Ref: 'CertificateArn' } }]);
  });

  it('get settings from the other stacks and secrets from Secrets Manager, never as plain values', () => {
    const containers = resources(templates.service, 'AWS::ECS::TaskDefinition').flatMap(
      (task) => task.Properties?.ContainerDefinitions,
    );
    const web = containers.find((container) => container.Name === 'web');
    const environment = Object.fromEntries(web.Environment.map((pair: NameValue) => [pair.Name, pair.Value]));
    expect(Object.keys(environment)).toEqual(
      expect.arrayContaining(['WAREHOUSE_URL', 'LEDGER_URL', 'STAGING_URL']),
    );
    expect(JSON.stringify(environment.LEDGER_URL)).toMatch(/postgres:\/\/".*sslmode=verify-full/);
    expect(web.Secrets.map((secret: NameValue) => secret.Name).sort()).toEqual([
      'OPENAI_API_KEY',
      'PGPASSWORD',
      'PGUSER',
    ]);
    for (const container of containers) {
      const names = (container.Environment ?? []).map((pair: NameValue) => pair.Name);
      expect(names.filter((name: string) => /PASSWORD|TOKEN|SECRET$|API_KEY/.test(name))).toEqual([]);
      for (const secret of container.Secrets ?? [])
        expect(JSON.stringify(secret.ValueFrom)).toMatch(/Secret/);
    }
    const bot = containers.find((container) => container.Name === 'bot');
    expect(bot.Secrets.map((secret: NameValue) => secret.Name)).toEqual(
      expect.arrayContaining(['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET']),
    );
  });
});

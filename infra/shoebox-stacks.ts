/**
 * All the stacks of a shoebox deployment, wired together: network → staging → warehouse and
 * ledger → Glue and the services. Used by app.ts (synth and deploy) and by the tests.
 */
import type { App, Environment } from 'aws-cdk-lib';
import { GlueStack } from './glue-stack.ts';
import { LedgerStack } from './ledger-stack.ts';
import { NetworkStack } from './network-stack.ts';
import { ServiceStack } from './service-stack.ts';
import { StagingStack, stagingBucketName } from './staging-stack.ts';
import { WarehouseStack } from './warehouse-stack.ts';

export interface ShoeboxStacksProps {
  /** Region to deploy to; the account may be left to the CLI's credentials. */
  env: Environment & { region: string };
  /** glue/jobs: the job scripts and their contract, jobs.json. */
  glueScriptsDir: string;
  /** Folder holding the app's Dockerfile. */
  imageDir: string;
  erpCidr?: string;
  ledgerMultiAz?: boolean;
  botTasks?: number;
}

export interface ShoeboxStacks {
  network: NetworkStack;
  staging: StagingStack;
  warehouse: WarehouseStack;
  ledger: LedgerStack;
  glue: GlueStack;
  service: ServiceStack;
}

export function createShoeboxStacks(app: App, props: ShoeboxStacksProps): ShoeboxStacks {
  const { env } = props;
  const zones = ['a', 'b', 'c'].map((zone) => `${env.region}${zone}`);
  const network = new NetworkStack(app, 'ShoeboxNetwork', {
    env,
    availabilityZones: zones,
    erpCidr: props.erpCidr,
  });
  const { vpc, groups } = network;
  const staging = new StagingStack(app, 'ShoeboxStaging', { env });
  const warehouse = new WarehouseStack(app, 'ShoeboxWarehouse', {
    env,
    vpc,
    securityGroup: groups.redshift,
    stagingBucketName: stagingBucketName(env.region),
    stagingPrefix: staging.stagingPrefix,
  });
  const ledger = new LedgerStack(app, 'ShoeboxLedger', {
    env,
    vpc,
    securityGroup: groups.ledger,
    rotationSecurityGroup: groups.rotation,
    multiAz: props.ledgerMultiAz,
  });
  const glue = new GlueStack(app, 'ShoeboxGlue', {
    env,
    vpc,
    securityGroup: groups.glue,
    scriptsDir: props.glueScriptsDir,
    stagingBucketName: stagingBucketName(env.region),
    stagingPrefix: staging.stagingPrefix,
    stagingUrl: staging.stagingUrl,
    warehouse,
  });
  const service = new ServiceStack(app, 'ShoeboxService', {
    env,
    vpc,
    groups,
    imageDir: props.imageDir,
    warehouse,
    ledgerUrl: ledger.ledgerUrl,
    ledgerAppSecret: ledger.appSecret,
    ledgerMasterSecret: ledger.masterSecret,
    stagingUrl: staging.stagingUrl,
    logBucket: staging.logBucket,
    botTasks: props.botTasks,
  });
  // Named, not referenced: the dependencies on the staging bucket are declared by hand.
  warehouse.addStackDependency(staging);
  glue.addStackDependency(staging);
  return { network, staging, warehouse, ledger, glue, service };
}

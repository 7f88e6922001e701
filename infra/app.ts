/**
 * The CDK app: `npm run infra:synth` (tsx, no cdk CLI needed) synthesises every stack into
 * .shoebox/cdk.out and fails if cdk-nag's AwsSolutions pack reports an unsuppressed error;
 * `npx cdk deploy --app "npx tsx infra/app.ts" --all` deploys (docs/deploy-aws.md).
 * Options as context (-c name=value): region, glueScriptsDir, erpCidr, ledgerMultiAz, botTasks.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App } from 'aws-cdk-lib';
import { addNagChecks } from './cdk-nag.ts';
import { createShoeboxStacks } from './shoebox-stacks.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const app = new App({
  outdir: process.env.CDK_OUTDIR ?? join(root, '.shoebox', 'cdk.out'),
  context: contextFromArgs(process.argv.slice(2)),
});
const context = (name: string): string | undefined => {
  const value = app.node.tryGetContext(name);
  return value === undefined ? undefined : String(value);
};

try {
  createShoeboxStacks(app, {
    env: {
      account: process.env.CDK_DEFAULT_ACCOUNT,
      region: context('region') ?? process.env.CDK_DEFAULT_REGION ?? process.env.AWS_REGION ?? 'eu-west-1',
    },
    glueScriptsDir: context('glueScriptsDir') ?? join(root, 'glue', 'jobs'),
    imageDir: root,
    erpCidr: context('erpCidr'),
    ledgerMultiAz: context('ledgerMultiAz') === 'true',
    botTasks: context('botTasks') === undefined ? undefined : Number(context('botTasks')),
  });
} catch (error) {
  console.error(`infra: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
addNagChecks(app);
try {
  const assembly = app.synth();
  console.log(
    `infra: synthesised ${assembly.stacks.map((stack) => stack.stackName).join(', ')} into ${assembly.directory}; cdk-nag AwsSolutions: no unacknowledged finding`,
  );
} catch (error) {
  // cdk-nag reports through CDK's policy validation, which stops synth with the full report.
  console.error(`infra: synth failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

/** `-c name=value` / `--context name=value`, as the cdk CLI takes them (which passes them itself). */
function contextFromArgs(args: string[]): Record<string, string> {
  const context: Record<string, string> = {};
  args.forEach((arg, index) => {
    const pair = arg === '-c' || arg === '--context' ? args[index + 1] : undefined;
    const match = pair ? /^([^=]+)=(.*)$/.exec(pair) : null;
    if (match?.[1] !== undefined && match[2] !== undefined) context[match[1]] = match[2];
  });
  return context;
}

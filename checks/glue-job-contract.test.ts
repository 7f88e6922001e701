/**
 * The Glue jobs' three sides agree with their one contract, glue/jobs/jobs.json: each script's
 * REQUIRED list equals its entry; the ShoeboxGlue stack (synthesised once) gives every job the
 * arguments its script reads and runs them in the runner's stage order; deployGlueJobs (against
 * the Glue stand-in) sets the same argument names. Every job's arguments, with the run id a
 * workflow run or runGlueJobs adds, pass the script's own argument check in python3.
 * Lives in checks/ because infra/ may not import glue/.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GlueClient } from '@aws-sdk/client-glue';
import { S3Client } from '@aws-sdk/client-s3';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployGlueJobs } from '../glue/aws/deploy-glue-jobs.ts';
import { glueJobAssets } from '../glue/aws/glue-job-assets.ts';
import { GLUE_JOB_CONTRACT } from '../glue/aws/glue-job-contract.ts';
import { GLUE_JOBS_DIR, GLUE_STAGES, jobNameOf } from '../glue/aws/glue-stages.ts';
import { GlueStandIn } from '../glue/aws/glue-stand-in.ts';
import { TEST_ORDERS } from '../glue/aws/glue-test-tables.ts';
import { createShoeboxStacks } from '../infra/shoebox-stacks.ts';

type Args = Record<string, unknown>;
interface Trigger {
  Type: string;
  Actions: { JobName: string }[];
  Predicate?: { Conditions: { JobName: string; State: string }[] };
}

const KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const BUCKET = 'shoebox-contract';
// What Glue itself reads from DefaultArguments (not the scripts).
const GLUE_OWN = new Set([
  '--job-language',
  'library-set',
  '--extra-py-files',
  '--additional-python-modules',
]);
const contractNames = (job: (typeof GLUE_JOB_CONTRACT.jobs)[number]) =>
  new Set(
    [
      ...job.required,
      ...job.optional,
      ...GLUE_JOB_CONTRACT.warehouseTarget.oneOf,
      ...GLUE_JOB_CONTRACT.warehouseTarget.optional,
    ].map((name) => `--${name}`),
  );

let dir: string;
let stackJobs: Map<string, Args>;
let triggers: Trigger[];
let deployedJobs: Map<string, Args>;
let server: S3rver;
let standIn: GlueStandIn;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shoebox-contract-'));
  mkdirSync(join(dir, 'image'));
  writeFileSync(join(dir, 'image', 'Dockerfile'), 'FROM scratch\n');
  const app = new App({ outdir: join(dir, 'cdk.out') });
  const stacks = createShoeboxStacks(app, {
    env: { region: 'eu-west-1' },
    glueScriptsDir: GLUE_JOBS_DIR,
    imageDir: join(dir, 'image'),
  });
  const template = Template.fromStack(stacks.glue);
  stackJobs = new Map(
    Object.values(template.findResources('AWS::Glue::Job')).map((job) => [
      job.Properties.Name as string,
      job.Properties.DefaultArguments as Args,
    ]),
  );
  triggers = Object.values(template.findResources('AWS::Glue::Trigger')).map((t) => t.Properties as Trigger);

  server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: join(dir, 's3'),
    configureBuckets: [{ name: BUCKET }],
  });
  const endpoint = `http://127.0.0.1:${(await server.run()).port}`;
  standIn = await GlueStandIn.start();
  const s3 = new S3Client({ region: 'eu-west-1', endpoint, forcePathStyle: true, credentials: KEYS });
  const glue = new GlueClient({ region: 'eu-west-1', endpoint: standIn.endpoint, credentials: KEYS });
  await deployGlueJobs({
    glue,
    s3,
    assetsUrl: `s3://${BUCKET}/glue`,
    roleArn: 'arn:aws:iam::123456789012:role/shoebox-glue',
    // As the stack: Serverless workgroup and the loader's secret.
    warehouse: {
      WorkgroupName: 'shoebox',
      Database: 'analytics',
      SecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:loader-AbCdEf',
    },
    erpSecretArn: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:erp-AbCdEf',
    assets: glueJobAssets({
      tables: [TEST_ORDERS],
      stagingUrl: `s3://${BUCKET}/staging`,
      copyIamRole: 'arn:aws:iam::123456789012:role/shoebox-copy',
    }),
  });
  deployedJobs = new Map([...standIn.jobs.values()].map((job) => [job.Name, job.DefaultArguments as Args]));
  glue.destroy();
  s3.destroy();
}, 180_000);

afterAll(async () => {
  await standIn?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs each script's own argument check (job_args(REQUIRED), run id, warehouse target) on argv. */
function scriptChecks(cases: { script: string; argv: string[] }[]): string[] {
  const code = `
import importlib, json, sys
from _shoebox_glue import Redshift, job_args, run_id_of
for case in json.loads(sys.stdin.read()):
    module = importlib.import_module(case["script"][:-3])
    try:
        args = job_args(module.REQUIRED, case["argv"])
        run_id_of(args)
        Redshift(args, client=object())
        print("ok")
    except SystemExit as e:
        print(e)
`;
  const out = execFileSync('python3', ['-c', code], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: GLUE_JOBS_DIR, PYTHONDONTWRITEBYTECODE: '1' },
  });
  return out.trim().split('\n');
}

/** DefaultArguments as argv; CloudFormation tokens ({Ref}, {Fn::Join}) become a placeholder. */
const argvOf = (args: Args) =>
  Object.entries(args).flatMap(([name, value]) => [name, typeof value === 'string' ? value : 'token']);

describe('the Glue job contract (glue/jobs/jobs.json)', () => {
  it("equals each script's REQUIRED list", () => {
    const out = execFileSync(
      'python3',
      [
        '-c',
        'import importlib, json, sys\nprint(json.dumps({s: importlib.import_module(s[:-3]).REQUIRED for s in sys.argv[1:]}))',
        ...GLUE_JOB_CONTRACT.jobs.map((job) => job.script),
      ],
      { encoding: 'utf8', env: { ...process.env, PYTHONPATH: GLUE_JOBS_DIR, PYTHONDONTWRITEBYTECODE: '1' } },
    );
    expect(JSON.parse(out)).toEqual(
      Object.fromEntries(GLUE_JOB_CONTRACT.jobs.map((job) => [job.script, job.required])),
    );
  });

  it('the stack gives every job its required arguments and nothing outside the contract', () => {
    expect([...stackJobs.keys()].sort()).toEqual(
      GLUE_STAGES.map((stage) => jobNameOf('shoebox', stage)).sort(),
    );
    for (const job of GLUE_JOB_CONTRACT.jobs) {
      const args = stackJobs.get(jobNameOf('shoebox', job.stage)) as Args;
      for (const name of job.required) expect(args, `${job.stage} --${name}`).toHaveProperty(`--${name}`);
      const allowed = contractNames(job);
      expect(Object.keys(args).filter((name) => !allowed.has(name) && !GLUE_OWN.has(name))).toEqual([]);
      expect(args['--additional-python-modules']).toBe(job.pythonModules);
    }
  });

  it("the stack's workflow runs the jobs in the runner's stage order", () => {
    const order: string[] = [];
    let next = triggers.find((t) => t.Type === 'SCHEDULED')?.Actions[0]?.JobName;
    while (next && !order.includes(next)) {
      order.push(next);
      const last: string = next;
      next = triggers.find((t) =>
        t.Predicate?.Conditions.some((c) => c.JobName === last && c.State === 'SUCCEEDED'),
      )?.Actions[0]?.JobName;
    }
    expect(order).toEqual(GLUE_STAGES.map((stage) => jobNameOf('shoebox', stage)));
    expect(triggers).toHaveLength(GLUE_STAGES.length);
  });

  it('deployGlueJobs sets the same argument names as the stack, job by job', () => {
    for (const stage of GLUE_STAGES) {
      const name = jobNameOf('shoebox', stage);
      expect(Object.keys(deployedJobs.get(name) ?? {}).sort(), name).toEqual(
        Object.keys(stackJobs.get(name) ?? {}).sort(),
      );
    }
  });

  it('every job, started by the workflow or by runGlueJobs, passes its script’s argument check', () => {
    const cases = GLUE_JOB_CONTRACT.jobs.flatMap((job) => {
      const name = jobNameOf('shoebox', job.stage);
      return [
        // A workflow trigger adds --WORKFLOW_NAME and --WORKFLOW_RUN_ID; runGlueJobs adds --run_id.
        {
          script: job.script,
          argv: [
            ...argvOf(stackJobs.get(name) ?? {}),
            '--WORKFLOW_NAME',
            'shoebox-pipeline',
            '--WORKFLOW_RUN_ID',
            `wr_${'ab12'.repeat(16)}`,
          ],
        },
        { script: job.script, argv: [...argvOf(deployedJobs.get(name) ?? {}), '--run_id', 'run-1'] },
        // Without a run id the same job must stop: the check can fail.
        { script: job.script, argv: argvOf(stackJobs.get(name) ?? {}) },
      ];
    });
    const expected = GLUE_JOB_CONTRACT.jobs.flatMap(() => [
      'ok',
      'ok',
      "missing job arguments: --run_id (or a workflow run's --WORKFLOW_RUN_ID)",
    ]);
    expect(scriptChecks(cases)).toEqual(expected);
  });
});

/**
 * deployGlueJobs and runGlueJobs through the real @aws-sdk/client-glue against the Glue stand-in,
 * with the job assets uploaded to a real S3-compatible server (s3rver).
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GlueClient } from '@aws-sdk/client-glue';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../core/coded-error.ts';
import { startTestS3Server, type TestS3Server } from '../../db/test-s3-server.ts';
import { deployGlueJobs, type GlueDeployOptions } from './deploy-glue-jobs.ts';
import { assertNoSecrets } from './glue-arguments.ts';
import { glueJobAssets } from './glue-job-assets.ts';
import { GLUE_JOBS_DIR, GLUE_STAGES } from './glue-stages.ts';
import { GlueStandIn } from './glue-stand-in.ts';
import { TEST_ORDERS } from './glue-test-tables.ts';
import { runGlueJobs } from './run-glue-jobs.ts';

const BUCKET = 'shoebox-glue';
const KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const ERP_SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:shoebox/erp-AbCdEf';
let s3Server: TestS3Server | undefined;
let s3: S3Client;
let standIn: GlueStandIn;
let glue: GlueClient;

const glueClient = (maxAttempts?: number) =>
  new GlueClient({ region: 'eu-west-1', endpoint: standIn.endpoint, credentials: KEYS, maxAttempts });

const deployOptions = (): GlueDeployOptions => ({
  glue,
  s3,
  assetsUrl: `s3://${BUCKET}/glue`,
  roleArn: 'arn:aws:iam::123456789012:role/shoebox-glue',
  warehouse: { WorkgroupName: 'shoebox', Database: 'dev' },
  erpSecretArn: ERP_SECRET,
  assets: glueJobAssets({
    tables: [TEST_ORDERS],
    stagingUrl: `s3://${BUCKET}/staging`,
    copyIamRole: 'arn:aws:iam::123456789012:role/shoebox-copy',
  }),
});

/** A sleep that records its waits and returns at once. */
function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

beforeAll(async () => {
  s3Server = await startTestS3Server([BUCKET]);
  const endpoint = s3Server.endpoint;
  s3 = new S3Client({ region: 'eu-west-1', endpoint, forcePathStyle: true, credentials: KEYS });
  standIn = await GlueStandIn.start();
  glue = glueClient();
});

afterAll(async () => {
  glue?.destroy();
  await standIn?.close();
  await s3Server?.close();
});

describe('deployGlueJobs', () => {
  it('uploads the scripts and creates one Python shell job per stage, then updates them', async () => {
    const lines: string[] = [];
    const first = await deployGlueJobs({ ...deployOptions(), onProgress: (line) => lines.push(line) });
    expect(first).toEqual(GLUE_STAGES.map((stage) => ({ name: `shoebox-${stage}`, action: 'created' })));
    expect(lines[0]).toMatch(/^uploaded \d+ scripts and SQL files to s3:\/\/shoebox-glue\/glue\/$/);

    const extract = standIn.jobs.get('shoebox-extract');
    expect(extract?.Command).toEqual({
      Name: 'pythonshell',
      PythonVersion: '3.9',
      ScriptLocation: `s3://${BUCKET}/glue/scripts/shoebox_extract.py`,
    });
    expect(extract?.DefaultArguments).toMatchObject({
      '--assets_url': `s3://${BUCKET}/glue`,
      '--workgroup': 'shoebox',
      '--database': 'dev',
      '--erp_secret_arn': ERP_SECRET,
      '--extra-py-files': `s3://${BUCKET}/glue/scripts/_shoebox_glue.py`,
      '--additional-python-modules': expect.stringMatching(/^pymssql==/),
    });
    expect(standIn.jobs.get('shoebox-load')?.DefaultArguments).not.toHaveProperty('--erp_secret_arn');
    const script = await s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'glue/scripts/shoebox_merge.py' }),
    );
    expect(await script.Body?.transformToString()).toBe(
      readFileSync(path.join(GLUE_JOBS_DIR, 'shoebox_merge.py'), 'utf8'),
    );
    const tables = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'glue/sql/tables.json' }));
    expect(JSON.parse((await tables.Body?.transformToString()) ?? '{}').tables[0].name).toBe('sales_orders');

    const again = await deployGlueJobs({
      ...deployOptions(),
      roleArn: 'arn:aws:iam::123456789012:role/shoebox-glue-2',
    });
    expect(again.map((job) => job.action)).toEqual(GLUE_STAGES.map(() => 'updated'));
    expect(standIn.jobs.size).toBe(GLUE_STAGES.length);
    expect(standIn.jobs.get('shoebox-load')?.Role).toBe('arn:aws:iam::123456789012:role/shoebox-glue-2');
    expect(standIn.calls.filter((call) => call.operation === 'CreateJob')).toHaveLength(GLUE_STAGES.length);
  });

  it('never puts a secret in job arguments', async () => {
    await expect(deployGlueJobs({ ...deployOptions(), erpSecretArn: 'hunter2' })).rejects.toMatchObject({
      code: ErrorCode.BadArgument,
      message: expect.stringMatching(/not a Secrets Manager ARN/),
    });
    expect(() => assertNoSecrets({ '--erp_password': 'hunter2' })).toThrow(/Secrets Manager/);
    expect(() => assertNoSecrets({ '--source': 'mssql://sa:pw@host/db' })).toThrow(/clear text/);
    expect(() => assertNoSecrets({ '--erp_secret_arn': ERP_SECRET, '--database': 'dev' })).not.toThrow();
  });
});

describe('runGlueJobs', () => {
  it('runs every stage in order with one run id, polling with growing waits', async () => {
    const { waits, sleep } = recordingSleep();
    const lines: string[] = [];
    const since = standIn.runs.length;
    const result = await runGlueJobs({
      glue,
      runId: 'run-1',
      sleep,
      pollMs: { first: 10, max: 15 },
      onProgress: (l) => lines.push(l),
    });
    const runs = standIn.runs.slice(since);
    expect(runs.map((run) => run.JobName)).toEqual(GLUE_STAGES.map((stage) => `shoebox-${stage}`));
    expect(
      runs.every((run) => run.Arguments['--run_id'] === 'run-1' && run.Arguments['--database'] === 'dev'),
    ).toBe(true);
    expect(result.jobs.map((job) => job.state)).toEqual(GLUE_STAGES.map(() => 'SUCCEEDED'));
    expect(
      lines.filter((l) => l.startsWith('shoebox-load:')).map((l) => l.replace(/ \(\d+ s\)$/, '')),
    ).toEqual([
      `shoebox-load: started run ${runs[1]?.Id}`,
      'shoebox-load: RUNNING',
      'shoebox-load: SUCCEEDED',
    ]);
    // One wait per job (RUNNING -> next poll), capped at 15 ms.
    expect(waits).toEqual(GLUE_STAGES.map(() => 10));
  });

  it('fails with the job ErrorMessage and does not start the later stages', async () => {
    standIn.failNextRun('shoebox-merge', 'ProgrammingError: relation "erp.sales_orders" does not exist');
    const since = standIn.runs.length;
    await expect(runGlueJobs({ glue, sleep: recordingSleep().sleep })).rejects.toMatchObject({
      code: ErrorCode.GlueJobFailed,
      message: expect.stringMatching(
        /shoebox-merge run jr_\w+ ended FAILED .*relation "erp.sales_orders" does not exist/,
      ),
    });
    expect(standIn.runs.slice(since).map((run) => run.JobName)).toEqual([
      'shoebox-extract',
      'shoebox-load',
      'shoebox-merge',
    ]);
  });

  it('answers throttling with growing waits, and gives up after too many', async () => {
    const single = glueClient(1); // no SDK retries: the runner's own backoff is under test
    try {
      const { waits, sleep } = recordingSleep();
      standIn.throttle('GetJobRun', 3);
      const result = await runGlueJobs({
        glue: single,
        stages: ['load'],
        sleep,
        pollMs: { first: 100, max: 350 },
      });
      expect(result.jobs[0]?.state).toBe('SUCCEEDED');
      expect(waits).toEqual([100, 200, 350, 350]);
      expect(standIn.calls.filter((c) => c.throttled).map((c) => c.operation)).toContain('GetJobRun');

      standIn.throttle('StartJobRun', 5);
      await expect(
        runGlueJobs({ glue: single, stages: ['load'], sleep, maxThrottles: 4 }),
      ).rejects.toMatchObject({
        code: ErrorCode.GlueJobFailed,
        message: expect.stringMatching(/Rate exceeded/),
      });
      standIn.throttle('StartJobRun', 0);
    } finally {
      single.destroy();
    }
  });

  it('says so when a run of the job is still going', async () => {
    const { sleep } = recordingSleep();
    const first = standIn.runs.length;
    const hanging = runGlueJobs({
      glue,
      stages: ['reconcile'],
      sleep: () => new Promise((r) => setTimeout(r, 200)),
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(standIn.runs.slice(first)[0]?.JobRunState).toMatch(/STARTING|RUNNING/);
    await expect(runGlueJobs({ glue, stages: ['reconcile'], sleep })).rejects.toMatchObject({
      code: ErrorCode.EtlRunInProgress,
    });
    await hanging;
  });
});

/** `shoebox etl deploy --glue` and `etl run --glue` through commander, against the Glue stand-in and s3rver. */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GlueClient } from '@aws-sdk/client-glue';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../core/coded-error.ts';
import { startTestS3Server, type TestS3Server } from '../../db/test-s3-server.ts';
import { GlueStandIn } from '../../glue/aws/glue-stand-in.ts';
import { TEST_ORDERS } from '../../glue/aws/glue-test-tables.ts';
import { createCommandContext } from '../command-context.ts';
import { registerEtlGlueCommands } from './etl-glue-command.ts';

const BUCKET = 'shoebox-cli-glue';
const KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const ENV = {
  WAREHOUSE_URL: 'redshift-data://shoebox/dev',
  STAGING_URL: `s3://${BUCKET}/staging`,
  REDSHIFT_COPY_IAM_ROLE: 'arn:aws:iam::123456789012:role/shoebox-copy',
  AWS_REGION: 'eu-west-1',
};
const DEPLOY = [
  'deploy',
  '--glue',
  '--role',
  'arn:aws:iam::123456789012:role/shoebox-glue',
  '--assets',
  `s3://${BUCKET}/glue`,
];
const SECRET = ['--erp-secret', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:erp-Ab12Cd'];
let s3Server: TestS3Server | undefined;
let directory: string;
let endpoint: string;
let standIn: GlueStandIn;

async function etl(args: string[], env: Record<string, string> = ENV) {
  const out: string[] = [];
  const err: string[] = [];
  const sink = (lines: string[]) => ({
    write: (text: string) => {
      lines.push(text);
      return true;
    },
  });
  const io = { stdout: sink(out), stderr: sink(err), env, cwd: directory };
  const context = createCommandContext(io, { verbose: false });
  const program = new Command('shoebox').exitOverride();
  registerEtlGlueCommands(program.command('etl'), context, {
    erpTables: () => [TEST_ORDERS],
    pollMs: { first: 5, max: 20 },
    clients: (config) => ({
      glue: new GlueClient({ region: config.awsRegion, endpoint: standIn.endpoint, credentials: KEYS }),
      s3: new S3Client({ region: config.awsRegion, endpoint, forcePathStyle: true, credentials: KEYS }),
    }),
  });
  await program.parseAsync(['node', 'shoebox', 'etl', ...args]);
  return { out: out.join(''), err: err.join('') };
}

beforeAll(async () => {
  directory = mkdtempSync(path.join(tmpdir(), 'etl-glue-'));
  s3Server = await startTestS3Server([BUCKET]);
  endpoint = s3Server.endpoint;
  standIn = await GlueStandIn.start();
});

afterAll(async () => {
  await standIn?.close();
  await s3Server?.close();
  rmSync(directory, { recursive: true, force: true });
});

describe('shoebox etl deploy --glue / run --glue', () => {
  it('deploys the jobs, then runs them to the end with progress', async () => {
    const deployed = await etl([...DEPLOY, ...SECRET]);
    expect(deployed.out.trim().split('\n')).toEqual([
      'created shoebox-extract',
      'created shoebox-load',
      'created shoebox-merge',
      'created shoebox-transform',
      'created shoebox-reconcile',
    ]);
    expect(standIn.jobs.get('shoebox-load')?.DefaultArguments).toMatchObject({
      '--workgroup': 'shoebox',
      '--database': 'dev',
    });
    const ran = await etl(['run', '--glue', '--run-id', 'cli-run']);
    expect(ran.out).toMatch(/^Glue run cli-run: 5 jobs succeeded in \d+ s\n$/);
    expect(ran.err).toMatch(/shoebox-extract: started run jr_\w+/);
    expect(ran.err).toMatch(/shoebox-reconcile: SUCCEEDED/);
  });

  it('with --sql-only uploads the rendered SQL and touches no job; without it needs --role and --erp-secret', async () => {
    const before = standIn.calls.length;
    const done = await etl(['deploy', '--glue', '--sql-only', '--assets', `s3://${BUCKET}/glue-assets`]);
    expect(done.out).toMatch(new RegExp(`^uploaded \\d+ SQL files to s3://${BUCKET}/glue-assets\n$`));
    expect(standIn.calls.length).toBe(before);
    const s3 = new S3Client({ region: 'eu-west-1', endpoint, forcePathStyle: true, credentials: KEYS });
    const tables = await s3.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'glue-assets/sql/tables.json' }),
    );
    expect(JSON.parse((await tables.Body?.transformToString()) ?? '{}').stagingUrl).toBe(ENV.STAGING_URL);
    await expect(
      s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'glue-assets/scripts/shoebox_load.py' })),
    ).rejects.toThrow();
    s3.destroy();
    await expect(etl(DEPLOY)).rejects.toMatchObject({
      code: ErrorCode.BadArgument,
      message: expect.stringMatching(/needs --role and --erp-secret.*--sql-only/),
    });
  });

  it('needs --glue, a Data API warehouse and an S3 staging URL', async () => {
    await expect(etl(['run'])).rejects.toMatchObject({
      code: ErrorCode.BadArgument,
      message: expect.stringMatching(/add --glue/),
    });
    await expect(
      etl([...DEPLOY, ...SECRET], { ...ENV, WAREHOUSE_URL: 'duckdb:x.duckdb' }),
    ).rejects.toMatchObject({
      code: ErrorCode.ConfigInvalid,
      message: expect.stringMatching(/redshift-data:\/\//),
    });
    await expect(etl([...DEPLOY, ...SECRET], { ...ENV, STAGING_URL: '/tmp/staging' })).rejects.toMatchObject({
      code: ErrorCode.ConfigInvalid,
      message: expect.stringMatching(/STAGING_URL=s3:/),
    });
  });
});

/** The S3 staging area against a real S3-compatible server (s3rver) started here. */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../core/coded-error.ts';
import { startTestS3Server, type TestS3Server } from '../../db/test-s3-server.ts';
import { LocalStagingArea } from './local-staging-area.ts';
import { openStagingArea } from './open-staging-area.ts';
import { S3StagingArea } from './s3-staging-area.ts';

const BUCKET = 'shoebox-staging';
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
let s3Server: TestS3Server | undefined;
let endpoint: string;

const area = (url = `s3://${BUCKET}/etl/dev`, credentials = CREDENTIALS) =>
  new S3StagingArea(url, { region: 'eu-west-1', endpoint, credentials });

beforeAll(async () => {
  s3Server = await startTestS3Server([BUCKET]);
  endpoint = s3Server.endpoint;
});

afterAll(async () => {
  await s3Server?.close();
});

describe('S3StagingArea', () => {
  it('puts, gets, lists, checks and deletes under its prefix', async () => {
    const s3 = area();
    const bytes = new Uint8Array([0x1f, 0x8b, 0, 255, 10]);
    await s3.put('runs/r1/erp/orders/part-0001.csv.gz', bytes);
    await s3.put('runs/r1/erp/orders/part-0000.csv.gz', new Uint8Array([1]));
    await s3.put('runs/r2/manifest.json', new TextEncoder().encode('{}'));
    expect(await s3.get('runs/r1/erp/orders/part-0001.csv.gz')).toEqual(bytes);
    expect(await s3.exists('runs/r2/manifest.json')).toBe(true);
    expect(await s3.exists('runs/r2/nothing.json')).toBe(false);
    expect(await s3.list('runs/r1/')).toEqual([
      'runs/r1/erp/orders/part-0000.csv.gz',
      'runs/r1/erp/orders/part-0001.csv.gz',
    ]);
    expect(s3.locationOf('runs/r2/manifest.json')).toBe(`s3://${BUCKET}/etl/dev/runs/r2/manifest.json`);
    await s3.deletePrefix('runs/r1/');
    expect(await s3.list('')).toEqual(['runs/r2/manifest.json']);
    // Another prefix in the same bucket sees none of it.
    expect(await area(`s3://${BUCKET}/other`).list('')).toEqual([]);
  });

  it('pages through more than one listing page', async () => {
    const s3 = new S3StagingArea(`s3://${BUCKET}/many`, {
      region: 'eu-west-1',
      endpoint,
      credentials: CREDENTIALS,
      listPageSize: 4,
    });
    const keys = Array.from({ length: 11 }, (_, i) => `k/${String(i).padStart(4, '0')}`);
    for (const key of keys) await s3.put(key, new Uint8Array([1]));
    expect(await s3.list('k/')).toEqual(keys);
    await s3.deletePrefix('k');
    expect(await s3.list('k')).toEqual([]);
  });

  it('names the bucket and what to do when it does not exist', async () => {
    await expect(area('s3://no-such-bucket/x').put('a', new Uint8Array([1]))).rejects.toMatchObject({
      code: ErrorCode.EtlStagingFailed,
      message: expect.stringMatching(/"no-such-bucket" does not exist.*Create it/),
    });
  });

  it('says access was denied and which permissions are needed', async () => {
    const denied = area(undefined, { accessKeyId: 'WRONG', secretAccessKey: 'nope' });
    await expect(denied.get('a')).rejects.toMatchObject({
      code: ErrorCode.EtlStagingFailed,
      message: expect.stringMatching(/access denied.*s3:GetObject.*shoebox-staging\/etl\/dev/),
    });
  });

  it('says which object is missing', async () => {
    await expect(area().get('runs/none.csv')).rejects.toMatchObject({
      code: ErrorCode.EtlStagingFailed,
      message: expect.stringMatching(/read runs\/none\.csv: no such object/),
    });
  });

  it('refuses bad URLs and keys that would escape the prefix', () => {
    for (const url of ['s3://', 's3://UPPER/x', 's3://ab/x', 's3://bucket/../x']) {
      expect(() => area(url)).toThrow(expect.objectContaining({ code: ErrorCode.ConfigInvalid }));
    }
    for (const key of ['../x', '/abs', 'a//b', 'a/./b', 'sp ace']) {
      expect(() => area().locationOf(key)).toThrow(expect.objectContaining({ code: ErrorCode.BadArgument }));
    }
  });
});

describe('openStagingArea', () => {
  it('opens S3 for s3://, a local folder for a path, and refuses other schemes', () => {
    expect(openStagingArea(`s3://${BUCKET}/p`, { s3: { endpoint } }).description).toBe(`s3://${BUCKET}/p`);
    expect(openStagingArea('/tmp/x')).toBeInstanceOf(LocalStagingArea);
    expect(() => openStagingArea('gs://b/p')).toThrow(
      expect.objectContaining({ code: ErrorCode.UnsupportedUrl }),
    );
  });
});

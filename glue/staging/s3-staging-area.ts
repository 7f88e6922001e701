/**
 * The production staging area: an S3 prefix (STAGING_URL=s3://bucket/prefix) that Redshift COPY
 * reads. One PUT per object, so readers never see a partial file. Works against S3-compatible
 * servers (s3rver in tests, MinIO) through `endpoint`, which implies path-style addressing.
 */
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { CodedError, ErrorCode, messageOf } from '../../core/coded-error.ts';
import { checkKey, describeS3, joinKey, parseS3Url, type S3Location } from './s3-location.ts';
import type { StagingArea } from './staging-area.ts';

export interface S3StagingOptions {
  /** AWS_REGION; without it the SDK's default chain decides. */
  region?: string;
  /** An S3-compatible server (http://127.0.0.1:4569); the SDK also honours AWS_ENDPOINT_URL_S3. */
  endpoint?: string;
  credentials?: S3ClientConfig['credentials'];
  /** Keys per ListObjects page (S3's maximum and default is 1,000); tests lower it to page. */
  listPageSize?: number;
}

const DENIED = new Set(['AccessDenied', 'Forbidden', 'InvalidAccessKeyId', 'SignatureDoesNotMatch']);

export class S3StagingArea implements StagingArea {
  readonly description: string;
  readonly client: S3Client;
  private readonly location: S3Location;
  private readonly listPageSize: number | undefined;

  constructor(stagingUrl: string, options: S3StagingOptions = {}) {
    this.location = parseS3Url(stagingUrl);
    this.description = describeS3(this.location);
    this.listPageSize = options.listPageSize;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.endpoint !== undefined,
      credentials: options.credentials,
    });
  }

  async put(key: string, body: Uint8Array): Promise<void> {
    const Key = this.keyOf(key);
    await this.call(`write ${key}`, () =>
      this.client.send(new PutObjectCommand({ Bucket: this.location.bucket, Key, Body: body })),
    );
  }

  async get(key: string): Promise<Uint8Array> {
    const Key = this.keyOf(key);
    const object = await this.call(`read ${key}`, () =>
      this.client.send(new GetObjectCommand({ Bucket: this.location.bucket, Key })),
    );
    if (!object.Body) throw this.failure(`read ${key}`, 'the object has no body');
    return object.Body.transformToByteArray();
  }

  async exists(key: string): Promise<boolean> {
    const Key = this.keyOf(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.location.bucket, Key }));
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw this.translate(`check ${key}`, error);
    }
  }

  async list(prefix: string): Promise<string[]> {
    const bare = prefix.replace(/\/+$/, '');
    if (bare !== '') checkKey(bare, 'staging prefix');
    // A trailing '/' limits the listing to that folder ("runs/1/" must not match "runs/10/").
    const folder = prefix.endsWith('/') || bare === '' ? '/' : '';
    const base = bare === '' ? this.location.prefix : this.keyOf(bare);
    const full = base === '' ? '' : `${base}${folder}`;
    const strip = this.location.prefix === '' ? 0 : this.location.prefix.length + 1;
    const keys: string[] = [];
    // ListObjects (v1) paged by Marker = the last key seen: same result on S3 as v2, and
    // s3rver's v2 continuation tokens use DES, which OpenSSL 3 (Node 20) no longer offers.
    let after: string | undefined;
    for (;;) {
      const page = await this.call(`list ${prefix || '(all)'}`, () =>
        this.client.send(
          new ListObjectsCommand({
            Bucket: this.location.bucket,
            Prefix: full,
            Marker: after,
            MaxKeys: this.listPageSize,
          }),
        ),
      );
      const found = (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
      for (const key of found) keys.push(key.slice(strip));
      after = found.at(-1);
      if (!page.IsTruncated || after === undefined) break;
    }
    return keys.sort();
  }

  async deletePrefix(prefix: string): Promise<void> {
    const keys = await this.list(prefix);
    // DeleteObjects takes at most 1,000 keys per request.
    for (let i = 0; i < keys.length; i += 1000) {
      const Objects = keys.slice(i, i + 1000).map((key) => ({ Key: joinKey(this.location, key) }));
      const result = await this.call(`delete ${prefix}`, () =>
        this.client.send(new DeleteObjectsCommand({ Bucket: this.location.bucket, Delete: { Objects } })),
      );
      const failed = result.Errors?.[0];
      if (failed) throw this.failure(`delete ${failed.Key}`, `${failed.Code}: ${failed.Message}`);
    }
  }

  locationOf(key: string): string {
    return `s3://${this.location.bucket}/${this.keyOf(key)}`;
  }

  private keyOf(key: string): string {
    return joinKey(this.location, checkKey(key));
  }

  private async call<T>(action: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw this.translate(action, error);
    }
  }

  /** S3's errors in words that say which bucket and what to do. */
  private translate(action: string, error: unknown): CodedError {
    const name = error instanceof Error ? error.name : '';
    const where = this.description;
    if (name === 'NoSuchBucket') {
      return this.failure(
        action,
        `the bucket "${this.location.bucket}" does not exist. Create it (aws s3 mb s3://${this.location.bucket}) or fix STAGING_URL.`,
        error,
      );
    }
    if (DENIED.has(name) || statusOf(error) === 403) {
      return this.failure(
        action,
        `access denied (${name || 403}). The AWS credentials in use need s3:PutObject, s3:GetObject, s3:DeleteObject on arn:aws:s3:::${this.location.bucket}/${this.location.prefix}* and s3:ListBucket on the bucket (check AWS_PROFILE / the instance role).`,
        error,
      );
    }
    if (name === 'NoSuchKey') return this.failure(action, `no such object under ${where}.`, error);
    return this.failure(action, messageOf(error), error);
  }

  private failure(action: string, reason: string, cause?: unknown): CodedError {
    return new CodedError(
      ErrorCode.EtlStagingFailed,
      `S3 staging ${this.description}: cannot ${action}: ${reason}`,
      {
        cause,
      },
    );
  }
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
}

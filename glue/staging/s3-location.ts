/**
 * STAGING_URL=s3://bucket/prefix, parsed and checked before any request, and staging keys
 * checked the same way on every put/get so a key can never escape the prefix.
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';

export interface S3Location {
  bucket: string;
  /** '' or a prefix without leading or trailing slashes. */
  prefix: string;
}

// S3's bucket naming rules: 3-63 characters, lower case letters, digits, dots and hyphens.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const KEY_SEGMENT = /^[A-Za-z0-9!_.*'()=,+@-]+$/;

export function parseS3Url(url: string): S3Location {
  const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/.exec(url);
  const bucket = match?.[1] ?? '';
  if (!match || !BUCKET.test(bucket) || bucket.includes('..')) {
    throw new CodedError(
      ErrorCode.ConfigInvalid,
      `STAGING_URL "${url}" is not a valid S3 location: use s3://BUCKET/PREFIX with a bucket name of 3 to 63 lower-case letters, digits, dots or hyphens.`,
    );
  }
  const prefix = (match[2] ?? '').replace(/^\/+|\/+$/g, '');
  if (prefix !== '') checkKey(prefix, `prefix of STAGING_URL "${url}"`, ErrorCode.ConfigInvalid);
  return { bucket, prefix };
}

/** A relative key: '/'-separated segments of safe characters, no '.', '..' or empty segments. */
export function checkKey(key: string, what = 'staging key', code: ErrorCode = ErrorCode.BadArgument): string {
  const segments = key.split('/');
  const bad = segments.some((s) => s === '' || s === '.' || s === '..' || !KEY_SEGMENT.test(s));
  if (bad || key.length > 900) {
    throw new CodedError(
      code,
      `The ${what} "${key}" is not a safe relative key: use '/'-separated names of letters, digits and -_.!*'()=,+@ (no empty, '.' or '..' parts).`,
    );
  }
  return key;
}

export function joinKey(location: S3Location, key: string): string {
  return location.prefix === '' ? key : `${location.prefix}/${key}`;
}

export function describeS3(location: S3Location): string {
  return `s3://${location.bucket}${location.prefix === '' ? '' : `/${location.prefix}`}`;
}

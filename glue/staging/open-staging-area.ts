/**
 * STAGING_URL to a staging area: a local folder (the default, $SHOEBOX_HOME/staging, or file:PATH)
 * or s3://bucket/prefix (read by Redshift COPY in production).
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { LocalStagingArea } from './local-staging-area.ts';
import { S3StagingArea, type S3StagingOptions } from './s3-staging-area.ts';
import type { StagingArea } from './staging-area.ts';

export interface OpenStagingOptions {
  s3?: S3StagingOptions;
}

export function openStagingArea(stagingUrl: string, options: OpenStagingOptions = {}): StagingArea {
  if (/^s3:\/\//i.test(stagingUrl)) return new S3StagingArea(stagingUrl, options.s3);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(stagingUrl)) {
    throw new CodedError(
      ErrorCode.UnsupportedUrl,
      `STAGING_URL "${stagingUrl}" is neither a local folder nor s3://BUCKET/PREFIX.`,
    );
  }
  return new LocalStagingArea(stagingUrl.replace(/^file:/i, ''));
}

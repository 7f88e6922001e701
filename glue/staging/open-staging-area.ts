/**
 * STAGING_URL to a staging area: a local folder (the default, $SHOEBOX_HOME/staging) or, once
 * wired, s3://bucket/prefix.
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { LocalStagingArea } from './local-staging-area.ts';
import type { StagingArea } from './staging-area.ts';

export function openStagingArea(url: string): StagingArea {
  if (/^s3:\/\//i.test(url)) {
    throw new CodedError(
      ErrorCode.NotImplemented,
      'S3 staging (STAGING_URL=s3://...) is not wired into the pipeline in this version; use a local folder.',
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    throw new CodedError(
      ErrorCode.UnsupportedUrl,
      `STAGING_URL "${url}" is neither a local folder nor s3://.`,
    );
  }
  return new LocalStagingArea(url.replace(/^file:/i, ''));
}

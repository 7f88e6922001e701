/**
 * STAGING_URL to a StagingArea: s3://bucket/prefix is S3; anything else is a local folder, built
 * by the `local` constructor the caller passes (the local folder area lives in its own module).
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { S3StagingArea, type S3StagingOptions } from './s3-staging-area.ts';
import type { StagingArea } from './staging-area.ts';

export interface OpenStagingOptions {
  s3?: S3StagingOptions;
  /** Builds the local folder staging area for a non-S3 STAGING_URL. */
  local?: (folder: string) => StagingArea;
}

export function openStagingArea(stagingUrl: string, options: OpenStagingOptions = {}): StagingArea {
  if (stagingUrl.startsWith('s3://')) return new S3StagingArea(stagingUrl, options.s3);
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(stagingUrl)) {
    throw new CodedError(
      ErrorCode.UnsupportedUrl,
      `STAGING_URL "${stagingUrl}" is neither a local folder nor s3://BUCKET/PREFIX.`,
    );
  }
  if (!options.local) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `STAGING_URL "${stagingUrl}" is a local folder, but no local staging area was given to openStagingArea.`,
    );
  }
  return options.local(stagingUrl);
}

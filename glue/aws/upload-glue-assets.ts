/**
 * Puts the Glue jobs' files under the assets URL: the SQL rendered by glueJobAssets (sql/...) and,
 * when asked, the job scripts (scripts/...). The CDK stack ships its own scripts, so
 * `shoebox etl deploy --glue --sql-only` uploads the SQL alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { CodedError, ErrorCode, messageOf } from '../../core/coded-error.ts';
import { parseS3Url } from '../staging/s3-location.ts';
import { GLUE_HELPER_MODULE, GLUE_JOBS_DIR, GLUE_STAGES, scriptOf } from './glue-stages.ts';

export interface GlueAssetUpload {
  s3: S3Client;
  assetsUrl: string;
  /** From glueJobAssets(): the rendered SQL (sql/...). */
  assets: ReadonlyMap<string, string>;
  /** Also the scripts (scripts/...); the CDK stack ships its own, so `etl deploy --sql-only` does not. */
  scripts?: boolean;
  onProgress?: (line: string) => void;
}

/** Uploads the rendered SQL (and, with `scripts`, the job scripts) under the assets URL. */
export async function uploadGlueAssets(options: GlueAssetUpload): Promise<number> {
  const assets = parseS3Url(options.assetsUrl);
  const base = assetsBase(options.assetsUrl);
  const files = new Map<string, Uint8Array | string>(options.assets);
  if (options.scripts) {
    for (const script of [GLUE_HELPER_MODULE, ...GLUE_STAGES.map(scriptOf)]) {
      files.set(`scripts/${script}`, readFileSync(join(GLUE_JOBS_DIR, script)));
    }
  }
  for (const [key, body] of files) {
    try {
      await options.s3.send(
        new PutObjectCommand({
          Bucket: assets.bucket,
          Key: `${assets.prefix === '' ? '' : `${assets.prefix}/`}${key}`,
          Body: body,
        }),
      );
    } catch (error) {
      throw new CodedError(
        ErrorCode.EtlStagingFailed,
        `Cannot upload the Glue job assets to ${base}${key}: ${messageOf(error)}. Check the bucket and the deploying identity's s3:PutObject.`,
        { cause: error },
      );
    }
  }
  options.onProgress?.(
    `uploaded ${files.size} ${options.scripts ? 'scripts and SQL files' : 'SQL files'} to ${base}`,
  );
  return files.size;
}

export function assetsBase(assetsUrl: string): string {
  const assets = parseS3Url(assetsUrl);
  return `s3://${assets.bucket}/${assets.prefix === '' ? '' : `${assets.prefix}/`}`;
}

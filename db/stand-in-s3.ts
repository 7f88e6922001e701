/**
 * How the Data API stand-in reads s3:// URLs from an S3-compatible server, with errors worded as
 * Redshift words them ("S3ServiceException:...,Status 404").
 */
import { GetObjectCommand, ListObjectsCommand, type S3Client } from '@aws-sdk/client-s3';
import { StandInError } from './stand-in-error.ts';

function split(url: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!match) throw new StandInError(`Invalid S3 location '${url}'`);
  return { bucket: match[1] as string, key: match[2] as string };
}

function s3Failure(what: string, url: string, error: unknown): StandInError {
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ?? 500;
  const message = error instanceof Error ? error.message : String(error);
  return new StandInError(
    `Problem reading ${what} '${url}' - S3ServiceException:${message},Status ${status}`,
  );
}

export async function readS3Object(s3: S3Client, url: string, what: string): Promise<Uint8Array> {
  const { bucket, key } = split(url);
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return (await object.Body?.transformToByteArray()) ?? new Uint8Array();
  } catch (error) {
    throw s3Failure(what, url, error);
  }
}

/** Every object URL whose key starts with the URL's key, sorted (COPY's prefix semantics). */
export async function s3Keys(s3: S3Client, url: string): Promise<string[]> {
  const { bucket, key } = split(url);
  const urls: string[] = [];
  let marker: string | undefined;
  try {
    for (;;) {
      const page = await s3.send(new ListObjectsCommand({ Bucket: bucket, Prefix: key, Marker: marker }));
      const keys = (page.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
      urls.push(...keys.map((k) => `s3://${bucket}/${k}`));
      marker = keys.at(-1);
      if (!page.IsTruncated || marker === undefined) break;
    }
  } catch (error) {
    throw s3Failure('S3 prefix', url, error);
  }
  return urls.sort();
}

/**
 * The Data API stand-in executing Redshift's `COPY ... FROM 's3://...'` for real: it reads the
 * manifest (or every object under the prefix, as Redshift does without MANIFEST) from an
 * S3-compatible server, gunzips, drops IGNOREHEADER lines per file, lets Postgres parse the CSV
 * (COPY FROM STDIN into a text table) and converts into the target table with Redshift's
 * EMPTYASNULL / BLANKSASNULL / DATEFORMAT rules. A bad row fails the whole COPY (MAXERROR 0) and
 * is recorded in sys_load_error_detail. It does not check that the IAM role may read the bucket.
 */
import { gunzipSync } from 'node:zlib';
import { S3Client } from '@aws-sdk/client-s3';
import type pg from 'pg';
import { copyFileInto, targetColumns } from './stand-in-copy-file.ts';
import { type ParsedCopy, parseCopy } from './stand-in-copy-parse.ts';
import { StandInError } from './stand-in-error.ts';
import { recordLoadError } from './stand-in-load-errors.ts';
import { readS3Object, s3Keys } from './stand-in-s3.ts';

export interface StandInS3Options {
  endpoint: string;
  region?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export class StandInCopier {
  private readonly s3: S3Client;

  constructor(
    private readonly pool: pg.Pool,
    options: StandInS3Options,
  ) {
    this.s3 = new S3Client({
      endpoint: options.endpoint,
      region: options.region ?? 'us-east-1',
      forcePathStyle: true,
      credentials: options.credentials ?? { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  }

  close(): void {
    this.s3.destroy();
  }

  /** Runs the COPY on `client`; returns the rows loaded. */
  async run(client: pg.PoolClient, sql: string, queryId: string, inTransaction: boolean): Promise<number> {
    const copy = parseCopy(sql);
    const files = await this.filesOf(copy);
    const columns = await targetColumns(client, copy);
    if (!inTransaction) await client.query('BEGIN');
    try {
      let rows = 0;
      for (const [index, url] of files.entries()) {
        const text = this.decode(copy, url, await readS3Object(this.s3, url, 'data file'));
        const failure = await copyFileInto(client, copy, columns, text, index);
        if (typeof failure === 'number') rows += failure;
        else {
          await recordLoadError(this.pool, { ...failure, queryId, fileName: url, pid: await pidOf(client) });
          throw new StandInError(
            `Load into table '${copy.table}' failed. Check 'sys_load_error_detail' system table for details.`,
          );
        }
      }
      if (!inTransaction) await client.query('COMMIT');
      return rows;
    } catch (error) {
      if (!inTransaction) await client.query('ROLLBACK');
      throw error;
    }
  }

  private async filesOf(copy: ParsedCopy): Promise<string[]> {
    if (!copy.manifest) {
      const keys = await s3Keys(this.s3, copy.from);
      if (keys.length === 0) throw new StandInError(`The specified S3 prefix '${copy.from}' does not exist`);
      return keys;
    }
    const body = await readS3Object(this.s3, copy.from, 'manifest file');
    let entries: { url?: unknown; mandatory?: unknown }[];
    try {
      entries = (JSON.parse(new TextDecoder().decode(body)) as { entries: typeof entries }).entries;
      if (!Array.isArray(entries)) throw new Error('no entries');
    } catch {
      throw new StandInError(`Manifest file '${copy.from}' is not in correct json format`);
    }
    const files: string[] = [];
    for (const entry of entries) {
      if (typeof entry.url !== 'string' || !entry.url.startsWith('s3://')) {
        throw new StandInError(`Manifest file '${copy.from}' has an entry without an s3:// url`);
      }
      const found = (await s3Keys(this.s3, entry.url)).includes(entry.url);
      if (found) files.push(entry.url);
      else if (entry.mandatory === true) {
        throw new StandInError(`Manifest file '${copy.from}': mandatory file '${entry.url}' not found`);
      }
    }
    return files;
  }

  private decode(copy: ParsedCopy, url: string, body: Uint8Array): string {
    let bytes = body;
    if (copy.gzip) {
      try {
        bytes = gunzipSync(body);
      } catch {
        throw new StandInError(`gzip: '${url}' is not in gzip format`);
      }
    }
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  }
}

async function pidOf(client: pg.PoolClient): Promise<number> {
  return Number((await client.query('SELECT pg_backend_pid() AS pid')).rows[0]?.pid);
}

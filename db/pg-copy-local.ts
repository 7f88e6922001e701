/**
 * Loads local CSVs (plain or gzip) into Postgres with COPY FROM STDIN (pg-copy-streams). Header lines are
 * dropped before COPY sees them (COPY's HEADER skips exactly one); empty fields, quoted or not,
 * load as NULL, like Redshift's EMPTYASNULL.
 */
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { quoteIdent } from './sql-text.ts';
import type { StagedFile } from './warehouse.ts';

/** Loads each local file (one, or a manifest's entries, gzip or not) with its own COPY; returns the rows. */
export async function copyLocalCsv(
  client: PoolClient,
  schema: string,
  table: string,
  paths: readonly string[],
  file: StagedFile,
): Promise<number> {
  const columns = file.columns.map(quoteIdent).join(', ');
  let rows = 0;
  for (const path of paths) {
    const copy = client.query(
      copyFrom(
        `COPY ${quoteIdent(schema)}.${quoteIdent(table)} (${columns}) FROM STDIN WITH (FORMAT csv, FORCE_NULL (${columns}))`,
      ),
    );
    const steps = file.compression === 'gzip' ? [createGunzip()] : [];
    await pipeline([createReadStream(path), ...steps, skipLines(file.headerLines), copy]);
    rows += copy.rowCount;
  }
  return rows;
}

/** Drops the first `count` lines of a byte stream. */
function skipLines(count: number): Transform {
  let remaining = count;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let start = 0;
      while (remaining > 0 && start < chunk.length) {
        const newline = chunk.indexOf(10, start);
        start = newline === -1 ? chunk.length : newline + 1;
        if (newline !== -1) remaining--;
      }
      done(null, start < chunk.length ? chunk.subarray(start) : undefined);
    },
  });
}

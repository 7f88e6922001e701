/**
 * Loads a local CSV into Postgres with COPY FROM STDIN (pg-copy-streams). Header lines are
 * dropped before COPY sees them (COPY's HEADER skips exactly one); empty fields, quoted or not,
 * load as NULL, like Redshift's EMPTYASNULL.
 */
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { quoteIdent } from './sql-text.ts';
import type { StagedFile } from './warehouse.ts';

export async function copyLocalCsv(
  client: PoolClient,
  schema: string,
  table: string,
  path: string,
  file: StagedFile,
): Promise<number> {
  const columns = file.columns.map(quoteIdent).join(', ');
  const copy = client.query(
    copyFrom(
      `COPY ${quoteIdent(schema)}.${quoteIdent(table)} (${columns}) FROM STDIN WITH (FORMAT csv, FORCE_NULL (${columns}))`,
    ),
  );
  await pipeline(createReadStream(path), skipLines(file.headerLines), copy);
  return copy.rowCount;
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

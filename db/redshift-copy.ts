/**
 * Redshift's COPY from S3, built once for both Redshift adapters (wire protocol and Data API).
 * Options, and why (see docs/aws-pipelines.md):
 * - FORMAT AS CSV: quotes, commas and newlines inside fields; "" is a literal quote.
 * - MANIFEST: the location is a manifest listing the exact parts of one extract, so a part left
 *   over from a crashed run under the same prefix is never loaded twice.
 * - GZIP: the parts are gzip-compressed (the stage writes .csv.gz).
 * - IGNOREHEADER n: each file's n header lines (per file, manifest or not).
 * - DATEFORMAT 'YYYY-MM-DD': the stage writes dates only so; a day-month mix-up fails the load
 *   instead of being guessed (the seeds' MM/DD/YYYY trouble). TIMEFORMAT 'auto': the only way
 *   COPY reads ISO 8601 timestamps with 'T' and 'Z', which the stage writes.
 * - EMPTYASNULL BLANKSASNULL: empty and blank text fields are NULL, as in the other engines.
 * - COMPUPDATE OFF: staging tables have their encodings; skip COPY's compression analysis.
 * Without an IAM role Redshift cannot read S3 at all; we fail before sending.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { quoteIdent, quoteLiteral } from './sql-text.ts';
import type { StagedFile } from './warehouse.ts';

const REDSHIFT_LITERAL = { backslashEscapes: true };
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;

export function redshiftCopySql(
  schema: string,
  table: string,
  file: StagedFile,
  iamRole: string | undefined,
): string {
  if (!file.location.startsWith('s3://')) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `Redshift loads files from S3 only; "${file.location}" is not an s3:// location. Stage the file to S3 first (STAGING_URL=s3://...).`,
    );
  }
  if (iamRole === undefined || iamRole === '') {
    throw new CodedError(
      ErrorCode.ConfigInvalid,
      'Loading into Redshift needs an IAM role that Redshift can assume to read the staging bucket: set REDSHIFT_COPY_IAM_ROLE to its ARN (arn:aws:iam::ACCOUNT:role/NAME), attach the role to the cluster or workgroup, and give it s3:GetObject and s3:ListBucket on the staging prefix.',
    );
  }
  if (!ROLE_ARN.test(iamRole)) {
    throw new CodedError(
      ErrorCode.ConfigInvalid,
      `REDSHIFT_COPY_IAM_ROLE "${iamRole}" is not an IAM role ARN; use arn:aws:iam::ACCOUNT:role/NAME.`,
    );
  }
  if (!Number.isInteger(file.headerLines) || file.headerLines < 0) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `headerLines must be a whole number ≥ 0, not ${file.headerLines}.`,
    );
  }
  const columns = file.columns.map(quoteIdent).join(', ');
  const shape = ['FORMAT AS CSV'];
  if (file.manifest === true) shape.push('MANIFEST');
  if (file.compression === 'gzip') shape.push('GZIP');
  shape.push(`IGNOREHEADER ${file.headerLines}`);
  return [
    `COPY ${quoteIdent(schema)}.${quoteIdent(table)} (${columns})`,
    `FROM ${quoteLiteral(file.location, REDSHIFT_LITERAL)}`,
    `IAM_ROLE ${quoteLiteral(iamRole, REDSHIFT_LITERAL)}`,
    shape.join(' '),
    `DATEFORMAT 'YYYY-MM-DD' TIMEFORMAT 'auto' EMPTYASNULL BLANKSASNULL COMPUPDATE OFF`,
  ].join('\n');
}

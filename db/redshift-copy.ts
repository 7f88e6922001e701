/**
 * Redshift's COPY from S3, built once for both Redshift adapters (wire protocol and Data API).
 * Empty and blank fields load as NULL, dates and times are auto-detected, header lines skipped.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { quoteIdent, quoteLiteral } from './sql-text.ts';
import type { StagedFile } from './warehouse.ts';

const REDSHIFT_LITERAL = { backslashEscapes: true };

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
      'Loading into Redshift needs an IAM role that Redshift can assume to read the staging bucket: set REDSHIFT_COPY_IAM_ROLE to its ARN.',
    );
  }
  const columns = file.columns.map(quoteIdent).join(', ');
  return [
    `COPY ${quoteIdent(schema)}.${quoteIdent(table)} (${columns})`,
    `FROM ${quoteLiteral(file.location, REDSHIFT_LITERAL)}`,
    `IAM_ROLE ${quoteLiteral(iamRole, REDSHIFT_LITERAL)}`,
    `FORMAT AS CSV IGNOREHEADER ${Math.max(0, Math.trunc(file.headerLines))}`,
    `DATEFORMAT 'auto' TIMEFORMAT 'auto' EMPTYASNULL BLANKSASNULL`,
  ].join('\n');
}

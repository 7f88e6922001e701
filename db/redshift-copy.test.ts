import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/coded-error.ts';
import { redshiftCopySql } from './redshift-copy.ts';

const ROLE = 'arn:aws:iam::123456789012:role/shoebox-copy';
const file = {
  location: 's3://staging/erp/orders.csv',
  format: 'csv' as const,
  headerLines: 1,
  columns: ['id', 'customer'],
};

describe('redshiftCopySql', () => {
  it('builds a COPY from S3 with the IAM role, header skip and NULL handling', () => {
    expect(redshiftCopySql('staging', 'orders', file, ROLE)).toBe(
      [
        `COPY "staging"."orders" ("id", "customer")`,
        `FROM 's3://staging/erp/orders.csv'`,
        `IAM_ROLE 'arn:aws:iam::123456789012:role/shoebox-copy'`,
        'FORMAT AS CSV IGNOREHEADER 1',
        `DATEFORMAT 'auto' TIMEFORMAT 'auto' EMPTYASNULL BLANKSASNULL`,
      ].join('\n'),
    );
  });

  it('escapes quotes in the location the Redshift way', () => {
    expect(redshiftCopySql('s', 't', { ...file, location: "s3://b/it's\\x.csv" }, ROLE)).toContain(
      `FROM 's3://b/it''s\\\\x.csv'`,
    );
  });

  it('asks for REDSHIFT_COPY_IAM_ROLE when the role is missing', () => {
    expect(() => redshiftCopySql('s', 't', file, undefined)).toThrow(
      expect.objectContaining({
        code: ErrorCode.ConfigInvalid,
        message: expect.stringMatching(/REDSHIFT_COPY_IAM_ROLE/),
      }),
    );
  });

  it('refuses a local path', () => {
    expect(() => redshiftCopySql('s', 't', { ...file, location: '/tmp/orders.csv' }, ROLE)).toThrow(
      expect.objectContaining({ code: ErrorCode.BadArgument, message: expect.stringMatching(/S3/) }),
    );
  });
});

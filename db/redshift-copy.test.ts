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
        `DATEFORMAT 'YYYY-MM-DD' TIMEFORMAT 'auto' EMPTYASNULL BLANKSASNULL COMPUPDATE OFF`,
      ].join('\n'),
    );
  });

  it('reads a gzip manifest with MANIFEST and GZIP', () => {
    const staged = {
      ...file,
      location: 's3://staging/runs/1/orders.manifest',
      manifest: true,
      compression: 'gzip' as const,
    };
    expect(redshiftCopySql('staging', 'orders', staged, ROLE).split('\n')[3]).toBe(
      'FORMAT AS CSV MANIFEST GZIP IGNOREHEADER 1',
    );
  });

  it('refuses a role that is not an IAM role ARN, and a negative header count', () => {
    expect(() => redshiftCopySql('s', 't', file, 'my-role')).toThrow(
      expect.objectContaining({
        code: ErrorCode.ConfigInvalid,
        message: expect.stringMatching(/not an IAM role ARN/),
      }),
    );
    expect(() => redshiftCopySql('s', 't', { ...file, headerLines: -1 }, ROLE)).toThrow(
      expect.objectContaining({ code: ErrorCode.BadArgument }),
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

import { describe, expect, it } from 'vitest';
import { describeUrl } from './describe-url.ts';

describe('describeUrl', () => {
  it.each([
    ['postgres://app:s3cret@db.example.com:5432/shop', 'postgres://app:***@db.example.com:5432/shop'],
    ['redshift://admin:p@ss/w:rd@cluster:5439/dev', 'redshift://admin:***@cluster:5439/dev'],
    ['postgres://app@localhost/shop', 'postgres://app@localhost/shop'],
    [
      'postgres://localhost/shop?sslmode=require&password=x',
      'postgres://localhost/shop?sslmode=require&password=***',
    ],
    [
      'redshift-data://wg/dev?secretArn=arn:aws:secretsmanager:x&region=eu-west-1',
      'redshift-data://wg/dev?secretArn=***&region=eu-west-1',
    ],
    ['duckdb:.shoebox/warehouse.duckdb', 'duckdb:.shoebox/warehouse.duckdb'],
  ])('%s → %s', (url, described) => {
    expect(describeUrl(url)).toBe(described);
  });
});

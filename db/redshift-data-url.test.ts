import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/coded-error.ts';
import { nextPollDelay } from './redshift-data-poll.ts';
import { parseRedshiftDataUrl } from './redshift-data-url.ts';

describe('parseRedshiftDataUrl', () => {
  it('targets a serverless workgroup by default', () => {
    expect(parseRedshiftDataUrl('redshift-data://analytics/dev')).toEqual({
      target: { WorkgroupName: 'analytics', Database: 'dev' },
      region: undefined,
      endpoint: undefined,
    });
  });

  it('targets a cluster with dbUser or secretArn, and reads region and endpoint', () => {
    expect(
      parseRedshiftDataUrl(
        'redshift-data://prod-cluster/sales?cluster=1&dbUser=shoebox&region=eu-west-1&endpoint=http://127.0.0.1:9',
      ),
    ).toEqual({
      target: { ClusterIdentifier: 'prod-cluster', Database: 'sales', DbUser: 'shoebox' },
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:9',
    });
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:rs-abc';
    expect(parseRedshiftDataUrl(`redshift-data://wg/dev?secretArn=${arn}`).target).toEqual({
      WorkgroupName: 'wg',
      Database: 'dev',
      SecretArn: arn,
    });
  });

  it('explains the expected forms', () => {
    expect(() => parseRedshiftDataUrl('redshift-data://only-host')).toThrow(
      expect.objectContaining({
        code: ErrorCode.ConfigInvalid,
        message: expect.stringMatching(/WORKGROUP\/DATABASE/),
      }),
    );
    expect(() => parseRedshiftDataUrl('redshift-data://c/db?cluster=true')).toThrow(
      /dbUser=USER or secretArn=ARN/,
    );
  });
});

describe('nextPollDelay', () => {
  it('starts at 50 ms and doubles up to 1 s', () => {
    const delays: number[] = [];
    let delay: number | undefined;
    for (let i = 0; i < 7; i++) {
      delay = nextPollDelay(delay);
      delays.push(delay);
    }
    expect(delays).toEqual([50, 100, 200, 400, 800, 1000, 1000]);
  });
});

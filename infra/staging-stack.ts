/**
 * The S3 staging bucket the pipelines write extracts to and Redshift COPYs from, and the bucket
 * its access logs (and the load balancer's) go to. Encrypted, never public, TLS only, versioned;
 * old extracts expire because every run writes a fresh, complete set.
 */
import { Aws, CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { acknowledge } from './cdk-nag.ts';

export interface StagingStackProps extends StackProps {
  /** Key prefix (no slashes at either end) under which extracts are staged; default "staging". */
  stagingPrefix?: string;
  /** Days an extract is kept; default 90. */
  extractRetentionDays?: number;
}

/**
 * The staging bucket's name, fixed per account and region so other stacks (and cdk-nag's
 * findings) can name it without a cross-stack reference.
 */
export function stagingBucketName(region: string): string {
  return `shoebox-staging-${Aws.ACCOUNT_ID}-${region}`;
}

export class StagingStack extends Stack {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly stagingPrefix: string;
  /** The STAGING_URL setting: s3://BUCKET/PREFIX. */
  readonly stagingUrl: string;

  constructor(scope: Construct, id: string, props: StagingStackProps = {}) {
    super(scope, id, props);
    this.stagingPrefix = props.stagingPrefix ?? 'staging';
    if (!/^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/.test(this.stagingPrefix)) {
      throw new Error(
        `stagingPrefix "${this.stagingPrefix}" must be lower-case words separated by "/", without a leading or trailing slash`,
      );
    }
    const common = { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true };
    // SSE-S3 here: load balancer access logs cannot be written to a KMS-encrypted bucket.
    this.logBucket = new s3.Bucket(this, 'AccessLogs', {
      ...common,
      encryption: s3.BucketEncryption.S3_MANAGED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    acknowledge(this.logBucket, [
      {
        id: 'AwsSolutions::AwsSolutions-S1',
        reason: 'This is the access-log bucket itself; logging it into itself would loop.',
      },
    ]);
    this.bucket = new s3.Bucket(this, 'Staging', {
      ...common,
      bucketName: stagingBucketName(this.region),
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // SSE-S3 keeps the COPY role's policy to S3 actions alone (no KMS grant to get wrong).
      encryption: s3.BucketEncryption.S3_MANAGED,
      versioned: true,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 'staging-bucket/',
      lifecycleRules: [
        {
          id: 'expire-old-extracts',
          prefix: `${this.stagingPrefix}/`,
          expiration: Duration.days(props.extractRetentionDays ?? 90),
          noncurrentVersionExpiration: Duration.days(30),
        },
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
      ],
    });
    this.stagingUrl = `s3://${stagingBucketName(this.region)}/${this.stagingPrefix}`;
    new CfnOutput(this, 'StagingUrl', { value: this.stagingUrl });
    new CfnOutput(this, 'LogBucketName', { value: this.logBucket.bucketName });
  }
}

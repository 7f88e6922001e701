/**
 * A local S3-compatible server (s3rver) for tests, on a free port with its own temporary folder:
 * the staging, COPY and Glue tests all drive the real @aws-sdk/client-s3 against it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

export interface TestS3Server {
  /** http://127.0.0.1:PORT, for the SDK's `endpoint` (with forcePathStyle). */
  endpoint: string;
  close(): Promise<void>;
}

export async function startTestS3Server(buckets: readonly string[]): Promise<TestS3Server> {
  const directory = mkdtempSync(path.join(tmpdir(), 's3rver-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

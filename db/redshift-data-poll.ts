/**
 * Waits for a Data API statement: DescribeStatement polled with exponential backoff (50 ms
 * doubling to 1 s) until FINISHED, FAILED or ABORTED. Past the deadline the statement is
 * cancelled and the caller gets WAREHOUSE_TIMEOUT.
 */
import {
  CancelStatementCommand,
  DescribeStatementCommand,
  type DescribeStatementCommandOutput,
  type RedshiftDataClient,
} from '@aws-sdk/client-redshift-data';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { warehouseTimeout } from './warehouse-errors.ts';

export const FIRST_POLL_MS = 50;
export const MAX_POLL_MS = 1000;

/** The wait before the next DescribeStatement. */
export function nextPollDelay(previous?: number): number {
  return previous === undefined ? FIRST_POLL_MS : Math.min(previous * 2, MAX_POLL_MS);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitForStatement(
  client: RedshiftDataClient,
  id: string,
  timeoutMs?: number,
): Promise<DescribeStatementCommandOutput> {
  const deadline = timeoutMs === undefined ? Number.POSITIVE_INFINITY : performance.now() + timeoutMs;
  let delay: number | undefined;
  for (;;) {
    delay = nextPollDelay(delay);
    const left = deadline - performance.now();
    if (left <= 0) {
      // The statement may finish meanwhile; a refused cancel changes nothing for the caller.
      await client.send(new CancelStatementCommand({ Id: id })).catch(() => undefined);
      throw warehouseTimeout(timeoutMs as number);
    }
    await sleep(Math.min(delay, left));
    const described = await client.send(new DescribeStatementCommand({ Id: id }));
    if (described.Status === 'FINISHED') return described;
    if (described.Status === 'FAILED' || described.Status === 'ABORTED') {
      const reason = described.Error ?? `the statement was ${described.Status.toLowerCase()}`;
      throw new CodedError(
        ErrorCode.WarehouseQueryFailed,
        `The warehouse could not run the query: ${reason}`,
        {
          details: { statementId: id, status: described.Status },
        },
      );
    }
  }
}

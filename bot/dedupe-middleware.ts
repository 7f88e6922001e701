/**
 * Bolt global middleware: claims every delivery in the SlackDeliveryLog before any listener runs.
 * A duplicate (a retry, a replayed click) is acknowledged and dropped. The listeners' work is
 * tracked so tests and a clean shutdown can wait for it (`idle`).
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../core/logger.ts';
import { deliveryKey } from './delivery-key.ts';
import type { SlackDeliveryLog } from './slack-delivery-log.ts';

export interface WorkTracker {
  track<T>(work: Promise<T>): Promise<T>;
  idle(): Promise<void>;
}

export function createWorkTracker(): WorkTracker {
  const running = new Set<Promise<unknown>>();
  return {
    track(work) {
      const settled = work.finally(() => running.delete(settled));
      running.add(settled);
      return work;
    },
    async idle() {
      // A delivery acknowledged just now may not have reached the middleware yet: let it.
      await new Promise((resolve) => setTimeout(resolve, 20));
      while (running.size > 0) {
        await Promise.allSettled([...running]);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

export function dedupeMiddleware(
  deliveries: SlackDeliveryLog,
  work: WorkTracker,
  log: Logger,
): Middleware<AnyMiddlewareArgs> {
  return (args) => work.track(handle(args));

  async function handle(args: Parameters<Middleware<AnyMiddlewareArgs>>[0]): Promise<void> {
    const { key, kind } = deliveryKey(args.body as unknown as Record<string, unknown>);
    if (!(await deliveries.claim(key, kind))) {
      const retry = args.context.retryNum === undefined ? '' : ` (retry ${args.context.retryNum})`;
      log.info(`Slack delivery ${key} was already handled${retry}; dropped.`);
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      return;
    }
    try {
      await args.next();
    } finally {
      // Also after a failure: the listeners have said sorry in the thread, and a rerun could post twice.
      await deliveries.complete(key);
    }
  }
}

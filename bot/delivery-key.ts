/**
 * The dedupe key of a Slack delivery: the Events API's event_id (the same on every retry, with
 * X-Slack-Retry-Num or not, over HTTP or the socket), and for interactions (buttons, modals, slash
 * commands) the trigger_id Slack mints per click, or a hash of the payload when there is none.
 */
import { createHash } from 'node:crypto';

export function deliveryKey(body: Record<string, unknown>): { key: string; kind: string } {
  if (typeof body.event_id === 'string') return { key: `event:${body.event_id}`, kind: 'event' };
  const kind =
    typeof body.type === 'string' ? body.type : typeof body.command === 'string' ? 'command' : 'interaction';
  if (typeof body.trigger_id === 'string') return { key: `${kind}:${body.trigger_id}`, kind };
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 32);
  return { key: `${kind}:sha256:${hash}`, kind };
}

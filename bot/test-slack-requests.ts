/**
 * Test support: requests as Slack sends them to the HTTP receiver, signed with the v0 scheme
 * (HMAC-SHA256 of "v0:TIMESTAMP:BODY" with the signing secret), and payload builders.
 */
import { createHmac } from 'node:crypto';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  secret?: string;
  timestamp?: number;
  retryNum?: number;
  /** Replace the computed signature (a forged request). */
  forgedSignature?: string;
}

async function post(url: string, body: string, contentType: string, options: SendOptions): Promise<Response> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature':
      options.forgedSignature ?? signature(options.secret ?? TEST_SIGNING_SECRET, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(url, { method: 'POST', headers, body });
}

export function sendEvent(url: string, envelope: Record<string, unknown>, options: SendOptions = {}) {
  return post(url, JSON.stringify(envelope), 'application/json', options);
}

export function sendInteraction(url: string, payload: Record<string, unknown>, options: SendOptions = {}) {
  return post(
    url,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
    options,
  );
}

export function sendCommand(url: string, fields: Record<string, string>, options: SendOptions = {}) {
  return post(url, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
}

let eventCounter = 0;

export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${Date.now()}${++eventCounter}`) {
  return {
    token: 'legacy',
    team_id: 'T0TEAM',
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
  };
}

export function mentionEvent(user: string, text: string, ts: string, channel = 'C0SALES') {
  return { type: 'app_mention', user, text: `<@U0BOT> ${text}`, ts, channel, event_ts: ts };
}

export function dmEvent(user: string, text: string, ts: string, channel = 'D0FIONA') {
  return { type: 'message', channel_type: 'im', user, text, ts, channel, event_ts: ts };
}

export function buttonClick(options: {
  user: string;
  actionId: string;
  value: string;
  channel: string;
  messageTs: string;
  triggerId?: string;
}) {
  return {
    type: 'block_actions',
    team: { id: 'T0TEAM', domain: 'cordova' },
    user: { id: options.user, username: options.user, team_id: 'T0TEAM' },
    api_app_id: 'A0APP',
    token: 'legacy',
    trigger_id: options.triggerId ?? `trig-${Date.now()}-${++eventCounter}`,
    container: {
      type: 'message',
      message_ts: options.messageTs,
      channel_id: options.channel,
      is_ephemeral: false,
    },
    channel: { id: options.channel, name: 'directmessage' },
    message: { type: 'message', ts: options.messageTs, text: 'card' },
    response_url: 'https://hooks.invalid/none',
    actions: [
      {
        type: 'button',
        action_id: options.actionId,
        block_id: 'b',
        value: options.value,
        action_ts: String(Date.now() / 1000),
        text: { type: 'plain_text', text: 'x' },
      },
    ],
  };
}

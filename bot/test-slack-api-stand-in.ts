/**
 * Test support: a local stand-in for Slack's Web API (the methods the bot calls), the upload URL
 * of files.uploadV2, and a Socket Mode WebSocket endpoint. It records every call so tests can
 * assert what the bot sent, and can answer a method with 429 + Retry-After a given number of times.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
}

export interface SlackApiStandIn {
  /** Base URL for the clients' slackApiUrl (ends with /api/). */
  apiUrl: string;
  /** A response_url for slash commands; its posts are recorded as method "response_url". */
  responseUrl: string;
  calls: RecordedCall[];
  callsOf(method: string): RecordedCall[];
  /** Uploaded file bytes by file id. */
  uploads: Map<string, Buffer>;
  /** The next call of `method` answers { ok: false, error }. */
  failNext(method: string, error: string): void;
  /** The next `times` calls of `method` get 429 with Retry-After: seconds. */
  rateLimit(method: string, seconds: number, times?: number): void;
  /** Socket Mode: the connected client's socket, once it connected (hello already sent). */
  socket(): Promise<WebSocket>;
  /** Messages the Socket Mode client sent back (acks), parsed. */
  socketMessages: Record<string, unknown>[];
  close(): Promise<void>;
}

function parseBody(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

/** The uploaded bytes: the raw body, or the first part of a multipart/form-data body. */
function fileBytes(raw: Buffer, type: string | undefined): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type ?? '');
  if (!boundary) return raw;
  const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = raw.indexOf(marker);
  const headersEnd = raw.indexOf('\r\n\r\n', start);
  const end = raw.indexOf(marker, headersEnd);
  return raw.subarray(headersEnd + 4, end - 2);
}

function read(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startSlackApiStandIn(): Promise<SlackApiStandIn> {
  const calls: RecordedCall[] = [];
  const uploads = new Map<string, Buffer>();
  const limits = new Map<string, { seconds: number; times: number }>();
  const failures = new Map<string, string>();
  let tsCounter = 0;
  const nextTs = () => `1760000000.${String(++tsCounter).padStart(6, '0')}`;
  let base = '';
  const server: Server = createServer(async (req, res) => {
    const raw = await read(req);
    const url = req.url ?? '';
    const reply = (body: unknown, status = 200, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (url.startsWith('/respond/')) {
      calls.push({ method: 'response_url', args: JSON.parse(raw.toString('utf8') || '{}'), at: Date.now() });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
      return;
    }
    if (url.startsWith('/upload/')) {
      uploads.set(url.slice('/upload/'.length), fileBytes(raw, req.headers['content-type']));
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('OK');
      return;
    }
    const method = url.replace(/^\/api\//, '').split('?')[0] ?? '';
    const args = parseBody(raw.toString('utf8'), req.headers['content-type']);
    const token = String(req.headers.authorization ?? args.token ?? '').replace(/^Bearer /, '');
    delete args.token;
    calls.push({ method, args, at: Date.now() });
    const limit = limits.get(method);
    if (limit && limit.times > 0) {
      limit.times -= 1;
      reply({ ok: false, error: 'ratelimited' }, 429, { 'retry-after': String(limit.seconds) });
      return;
    }
    const failure = failures.get(method);
    if (failure) {
      failures.delete(method);
      return reply({ ok: false, error: failure });
    }
    // A revoked or mistyped bot token.
    if (token === 'xoxb-revoked') return reply({ ok: false, error: 'invalid_auth' });
    reply(respond(method, args));
  });
  const respond = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://cordova.slack.com/',
          team: 'Cordova',
          user: 'shoebox',
          team_id: 'T0TEAM',
          user_id: 'U0BOT',
          bot_id: 'B0BOT',
        };
      case 'chat.postMessage': {
        // A private channel the bot is not in.
        if (args.channel === 'C0PRIVATE') return { ok: false, error: 'not_in_channel' };
        const ts = nextTs();
        return { ok: true, channel: args.channel, ts, message: { text: args.text, ts } };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'files.getUploadURLExternal': {
        const fileId = `F${randomUUID().slice(0, 8).toUpperCase()}`;
        return { ok: true, upload_url: `${base}/upload/${fileId}`, file_id: fileId };
      }
      case 'files.completeUploadExternal':
        return {
          ok: true,
          files: (args.files as { id: string; title?: string }[]).map((f) => ({ id: f.id, title: f.title })),
        };
      case 'assistant.threads.setStatus':
      case 'assistant.threads.setSuggestedPrompts':
      case 'assistant.threads.setTitle':
        return { ok: true };
      case 'views.open':
        return { ok: true, view: { id: `V${tsCounter}` } };
      case 'apps.connections.open':
        return { ok: true, url: `${base.replace(/^http/, 'ws')}/link/?ticket=test` };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  };
  const wss = new WebSocketServer({ noServer: true });
  const socketMessages: Record<string, unknown>[] = [];
  let resolveSocket: (ws: WebSocket) => void = () => {};
  const connected = new Promise<WebSocket>((resolve) => {
    resolveSocket = resolve;
  });
  server.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on('message', (data) => socketMessages.push(JSON.parse(String(data)) as Record<string, unknown>));
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'stand-in' },
          connection_info: { app_id: 'A0APP' },
        }),
      );
      resolveSocket(ws);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: `${base}/respond/1`,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    uploads,
    failNext(method, error) {
      failures.set(method, error);
    },
    rateLimit(method, seconds, times = 1) {
      limits.set(method, { seconds, times });
    },
    socket: () => connected,
    socketMessages,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface BlockJson {
  type: string;
  elements?: { action_id: string; value: string }[];
}

/** The blocks a recorded chat.postMessage or chat.update carried ([] when none). */
export function blocksOf(call: RecordedCall | undefined): BlockJson[] {
  return (call?.args.blocks as BlockJson[] | undefined) ?? [];
}

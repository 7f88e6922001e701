/**
 * A request id for every request (the caller's x-request-id when it looks sane, else a new UUID),
 * echoed in the response header, kept in res.locals.requestId, and written with one pino line per
 * request: method, path, route, status, time, user. Cookies and authorization never reach the log.
 */
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import pino, { type Logger as PinoLogger } from 'pino';

const INCOMING_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** pino with the paths that may hold credentials redacted, in case anyone logs a request. */
export function createRequestLogger(
  options: { level?: string; destination?: NodeJS.WritableStream } = {},
): PinoLogger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'shoebox-web' },
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          'headers.cookie',
          'headers.authorization',
          'body.password',
          'body._csrf',
        ],
        censor: '[redacted]',
      },
    },
    (options.destination ?? process.stderr) as pino.DestinationStream,
  );
}

/** The matched route pattern ("/finance/entries/:number"), for logs and metrics labels. */
export function routeOf(request: Request): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  if (route && typeof route.path === 'string') return `${request.baseUrl}${route.path}`;
  return 'unmatched';
}

export function requestContext(log: PinoLogger) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const incoming = request.get('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    response.locals.requestId = requestId;
    response.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    response.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const user = response.locals.user as { id?: string } | undefined;
      const line = {
        reqId: requestId,
        method: request.method,
        path: request.path,
        route: routeOf(request),
        status: response.statusCode,
        ms: Math.round(ms * 10) / 10,
        ...(user?.id ? { userId: user.id } : {}),
      };
      if (response.statusCode >= 500) log.error(line, 'request failed');
      else log.info(line, 'request');
    });
    next();
  };
}

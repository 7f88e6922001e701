/**
 * Synchronizer-token CSRF check on every state-changing request: the token from the session (or,
 * before sign-in, the pre-session cookie) must come back as the form field _csrf or the header
 * x-csrf-token. Compared in constant time. Runs after the body parsers and the session middleware.
 */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { sendError } from '../platform/send-error.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

export function csrfGuard() {
  return (request: Request, response: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(request.method)) {
      next();
      return;
    }
    const expected = String(response.locals.csrfToken ?? '');
    const body = request.body as Record<string, unknown> | undefined;
    const sent = request.get('x-csrf-token') ?? (typeof body?._csrf === 'string' ? body._csrf : '');
    if (!sameToken(sent, expected)) {
      sendError(
        request,
        response,
        403,
        'CSRF_REFUSED',
        'This form or request has no valid CSRF token (it may be from an old page). Reload the page and try again.',
      );
      return;
    }
    next();
  };
}

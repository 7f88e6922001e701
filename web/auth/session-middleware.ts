/**
 * Fills res.locals per web/web-contract.ts from the session cookie: user, sessionId (the public
 * session reference) and csrfToken. A visitor without a session gets a pre-session CSRF token in a
 * cookie of its own (double submit), so the sign-in form is protected too.
 */
import type { CookieOptions, NextFunction, Request, Response } from 'express';
import { randomToken, type SessionStore } from './session-store.ts';

export const SESSION_COOKIE = 'shoebox_session';
export const PRE_SESSION_COOKIE = 'shoebox_csrf';

/** HttpOnly, SameSite=Lax, Secure when this request came over HTTPS (req.secure honours trust proxy). */
export function cookieOptions(request: Request, maxAgeMs?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.secure,
    path: '/',
    ...(maxAgeMs === undefined ? {} : { maxAge: maxAgeMs }),
  };
}

export function sessionMiddleware(sessions: SessionStore) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const cookies = (request.cookies ?? {}) as Record<string, string | undefined>;
    const sessionId = cookies[SESSION_COOKIE];
    const session = sessionId ? await sessions.find(sessionId) : undefined;
    if (session) {
      response.locals.user = session.user;
      response.locals.sessionId = session.ref;
      response.locals.csrfToken = session.csrfToken;
      next();
      return;
    }
    if (sessionId) response.clearCookie(SESSION_COOKIE, cookieOptions(request));
    response.locals.user = undefined;
    response.locals.sessionId = undefined;
    let pre = cookies[PRE_SESSION_COOKIE];
    if (!pre || !/^[A-Za-z0-9_-]{43}$/.test(pre)) {
      pre = randomToken(32);
      response.cookie(PRE_SESSION_COOKIE, pre, cookieOptions(request));
    }
    response.locals.csrfToken = pre;
    next();
  };
}

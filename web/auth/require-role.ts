/**
 * Route guards. Every route but sign-in, /healthz, /metrics and static files goes through one:
 * not signed in gives 401 (pages redirect to /sign-in), a missing role gives 403.
 */
import type { NextFunction, Request, Response } from 'express';
import { sendError } from '../platform/send-error.ts';
import type { WebRole, WebUser } from '../web-contract.ts';

function isApi(request: Request): boolean {
  return request.originalUrl.startsWith('/api/');
}

/** Signed in, with at least one of `roles` (any role when none is given). */
export function requireRole(...roles: WebRole[]) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const user = response.locals.user as WebUser | undefined;
    if (!user) {
      if (isApi(request)) {
        sendError(request, response, 401, 'NOT_SIGNED_IN', 'Sign in first.');
      } else {
        response.redirect(303, `/sign-in?next=${encodeURIComponent(request.originalUrl)}`);
      }
      return;
    }
    if (roles.length > 0 && !roles.some((role) => user.roles.includes(role))) {
      const message = `This needs the ${roles.join(' or ')} role; ask an admin if you should have it.`;
      sendError(request, response, 403, 'FORBIDDEN', message);
      return;
    }
    next();
  };
}

/**
 * Test support: the feature routers (chat, dashboard, feedback, admin) behind a stand-in for the
 * platform's middleware. The signed-in user comes from the x-test-user header (manager, finance,
 * admin; none: signed out), the CSRF token is fixed and checked on every POST as the platform
 * does, helmet sets a Content-Security-Policy like the platform's, and /static serves web/static. For tests only: real sign-in is the platform's.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { isCodedError } from '../core/coded-error.ts';
import { createAdminRouter } from './admin/create-admin-router.ts';
import { createChatRouter } from './chat/create-chat-router.ts';
import { createDashboardRouter, type DashboardRouterOptions } from './dashboard/create-dashboard-router.ts';
import { createFeedbackRouter } from './feedback/create-feedback-router.ts';
import type { WebDeps, WebUser } from './web-contract.ts';

export const TEST_CSRF_TOKEN = 'test-csrf-token';

export const TEST_USERS: Record<string, WebUser> = {
  manager: { id: 'u-manager', username: 'mia', displayName: 'Mia Manager', roles: ['manager'] },
  finance: { id: 'u-finance', username: 'fred', displayName: 'Fred Finance', roles: ['finance'] },
  admin: { id: 'u-admin', username: 'ada', displayName: 'Ada Admin', roles: ['admin'] },
};

export interface FeatureAppOptions {
  dashboard?: DashboardRouterOptions;
  /** Routes the platform would own (e.g. the finance draft endpoints), mounted before ours. */
  extra?: (app: Express) => void;
}

let requests = 0;

export function createFeatureApp(deps: WebDeps, options: FeatureAppOptions = {}): Express {
  const app = express();
  // The platform's policy (web/platform/security-headers.ts on its branch): this origin only, no inline script or style.
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    }),
  );
  app.use(express.json({ limit: '64kb' }));
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));
  const staticDir = path.join(import.meta.dirname, 'static');
  if (!existsSync(path.join(staticDir, 'app.css'))) {
    app.get('/static/app.css', (_request, response) => {
      response.sendFile(path.join(staticDir, 'chat', 'stand-in-app.css'));
    });
  }
  app.use('/static', express.static(staticDir));
  app.use((request: Request, response: Response, next: NextFunction) => {
    const who = request.get('x-test-user');
    response.locals.user = who ? TEST_USERS[who] : undefined;
    response.locals.sessionId = who ? `session-${who}` : undefined;
    response.locals.csrfToken = TEST_CSRF_TOKEN;
    response.locals.requestId = `req-${++requests}`;
    if (request.method === 'POST') {
      const sent = request.get('x-csrf-token') ?? (request.body as { _csrf?: string } | undefined)?._csrf;
      if (sent !== TEST_CSRF_TOKEN) {
        response.status(403).json({ error: { code: 'CSRF_INVALID', message: 'Missing CSRF token.' } });
        return;
      }
    }
    next();
  });
  options.extra?.(app);
  app.use(createChatRouter(deps));
  app.use(createDashboardRouter(deps, options.dashboard));
  app.use(createFeedbackRouter(deps));
  app.use(createAdminRouter(deps));
  app.use((error: unknown, _request: Request, response: Response, _next: NextFunction) => {
    const code = isCodedError(error) ? error.code : 'INTERNAL';
    deps.log.error(`test app: ${code} ${error instanceof Error ? error.message : String(error)}`);
    response.status(500).json({ error: { code, message: 'failed' } });
  });
  return app;
}

/**
 * The Express app: the platform (request ids and logs, metrics, security headers, static files,
 * sessions, CSRF, rate limits, sign-in, errors) around the feature routers. Everything is served
 * from this process; no CDN. Feature routers are mounted after the session and CSRF middleware,
 * so they only read res.locals (web-contract.ts) and guard routes with requireRole.
 */
import path from 'node:path';
import cookieParser from 'cookie-parser';
import express, { type Express, type Router } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { csrfGuard } from './auth/csrf-guard.ts';
import { RateLimiter } from './auth/rate-limiter.ts';
import { requireRole } from './auth/require-role.ts';
import { sessionMiddleware } from './auth/session-middleware.ts';
import { SessionStore } from './auth/session-store.ts';
import { signInRouter } from './auth/sign-in-router.ts';
import { UserStore } from './auth/user-store.ts';
import { financeRouter } from './finance/finance-router.ts';
import { openApiDocument } from './openapi/openapi-document.ts';
import { countAnswers } from './platform/count-answers.ts';
import { errorHandler } from './platform/error-handler.ts';
import { createRequestLogger, requestContext } from './platform/request-context.ts';
import { securityHeaders } from './platform/security-headers.ts';
import { sendError } from './platform/send-error.ts';
import { createWebMetrics } from './platform/web-metrics.ts';
import { renderStatusPage } from './render-status-page.ts';
import type { StatusSource } from './status-report.ts';
import type { WebDeps, WebUser } from './web-contract.ts';
import { DEFAULT_WEB_SETTINGS, type WebSettings } from './web-settings.ts';

export type FeatureRouter = (deps: WebDeps) => Router;

export interface WebAppOptions {
  deps: WebDeps;
  /** Chat, dashboard, admin, feedback: mounted in this order after the platform's middleware. */
  featureRouters?: FeatureRouter[];
  /** The data status page, at /status for admins (and /api/status). */
  status?: StatusSource;
  settings?: Partial<WebSettings>;
  /** Request log (pino); stderr at info by default. */
  requestLog?: PinoLogger;
  /** Where "/" sends a signed-in user: the chat when feature routers are mounted, else a page the roles allow. */
  homePath?: string;
}

const STATIC_DIR = path.join(import.meta.dirname, 'static');

export function createWebApp(options: WebAppOptions): Express {
  const settings: WebSettings = { ...DEFAULT_WEB_SETTINGS, ...options.settings };
  const { deps } = options;
  const log = options.requestLog ?? createRequestLogger();
  const metrics = createWebMetrics();
  const users = new UserStore(deps.appDb);
  const sessions = new SessionStore(deps.appDb, settings.sessionTtlMs);
  const limiter = new RateLimiter(deps.appDb);

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', settings.trustProxy);
  app.use(requestContext(log), metrics.middleware, securityHeaders());
  app.use('/static', express.static(STATIC_DIR, { index: false, maxAge: '1h', fallthrough: false }));
  // Browsers ask for /favicon.ico on pages that name no icon (error pages, JSON): the same icon.
  app.get('/favicon.ico', (_request, response) => response.redirect(301, '/static/favicon.svg'));
  app.get('/healthz', (_request, response) => {
    response.json({ ok: true });
  });
  app.get('/metrics', async (_request, response) => {
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  app.use(cookieParser());
  app.use(express.json({ limit: settings.bodyLimit }));
  app.use(express.urlencoded({ extended: false, limit: settings.bodyLimit }));
  app.use(sessionMiddleware(sessions));
  app.use(csrfGuard());
  // Both the JSON stream and the plain form fallback (POST /chat) count against the chat limit.
  app.post(['/api/chat', '/chat'], async (request, response, next) => {
    const user = response.locals.user as WebUser | undefined;
    if (!user) return next();
    const decision = await limiter.hit(`chat:${user.id}`, settings.chatLimit);
    if (decision.allowed) return next();
    metrics.rateLimited.inc({ limit: 'chat' });
    response.set('Retry-After', String(decision.retryAfterSeconds));
    sendError(
      request,
      response,
      429,
      'RATE_LIMITED',
      `Too many questions in a minute; wait ${decision.retryAfterSeconds} s.`,
    );
  });
  app.use(
    signInRouter({
      users,
      sessions,
      limiter,
      signInLimit: settings.signInLimit,
      sessionTtlMs: settings.sessionTtlMs,
      onSignIn: (outcome) => {
        metrics.signIns.inc({ outcome });
        if (outcome === 'limited') metrics.rateLimited.inc({ limit: 'sign-in' });
      },
    }),
  );
  app.get('/api/openapi.json', (_request, response) => {
    response.json(openApiDocument());
  });
  app.get('/', requireRole(), (_request, response) => {
    response.redirect(303, options.homePath ?? defaultHome(response.locals.user, options));
  });
  if (options.status) {
    const status = options.status;
    app.get('/status', requireRole('admin'), async (_request, response) => {
      const { user, csrfToken } = response.locals;
      response.type('html').send(renderStatusPage(await status(), user, csrfToken));
    });
    app.get('/api/status', requireRole('admin'), async (_request, response) => {
      response.json(await status());
    });
  }
  app.use(financeRouter(deps, { uploadLimit: settings.uploadLimit }));
  const featureDeps = {
    ...deps,
    runtime: countAnswers(deps.runtime, (kind) => metrics.answers.inc({ kind })),
  };
  for (const feature of options.featureRouters ?? []) app.use(feature(featureDeps));

  app.use((request, response) => {
    sendError(request, response, 404, 'NOT_FOUND', `Nothing is at ${request.path}.`);
  });
  app.use(errorHandler(log));
  return app;
}

/** Before the chat is mounted (a build with the platform alone), "/" goes to what exists. */
function defaultHome(user: WebUser, options: WebAppOptions): string {
  if ((options.featureRouters ?? []).length > 0) return '/chat';
  if (user.roles.includes('finance')) return '/finance/journal';
  return options.status ? '/status' : '/sign-in';
}

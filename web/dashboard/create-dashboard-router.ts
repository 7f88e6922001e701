/**
 * The dashboard (/dashboard?period=..., and the same figures as JSON at /api/dashboard): built
 * through the assistant's tools on the caller's tool context and cached on the data's freshness
 * and the period, so repeat visits are served from memory until a new load lands.
 */
import { fileURLToPath } from 'node:url';
import express, { type Response } from 'express';
import { isoDate } from '../../core/clock.ts';
import { ErrorCode } from '../../core/coded-error.ts';
import { requireRole } from '../auth/require-role.ts';
import { sendSvg } from '../chat/send-svg.ts';
import { callerOf, type WebDeps, type WebUser } from '../web-contract.ts';
import { buildDashboard, type Dashboard } from './build-dashboard.ts';
import { DashboardCache } from './dashboard-cache.ts';
import { type DashboardConfig, loadDashboardConfig } from './dashboard-config.ts';
import { DASHBOARD_PERIODS, type DashboardPeriod, isDashboardPeriod } from './dashboard-periods.ts';
import { chartSrc, renderDashboard } from './render-dashboard.ts';

export interface DashboardRouterOptions {
  /** The dashboard.yaml to read; the shipped one beside the shipped model folder by default. */
  configFile?: string;
  defaultPeriod?: DashboardPeriod;
}

const SHIPPED_CONFIG = fileURLToPath(new URL('../../semantic-layer/dashboard.yaml', import.meta.url));

export function createDashboardRouter(deps: WebDeps, options: DashboardRouterOptions = {}) {
  const router = express.Router();
  const cache = new DashboardCache<Dashboard>();
  const configFile = options.configFile ?? SHIPPED_CONFIG;
  const fallback = options.defaultPeriod ?? 'last_12_months';
  let config: DashboardConfig | undefined;

  async function dashboardFor(response: Response, period: DashboardPeriod): Promise<Dashboard> {
    const user = response.locals.user as WebUser;
    const ctx = deps.runtime.toolContext(
      callerOf(user, response.locals.sessionId as string | undefined),
      `dashboard-${response.locals.requestId as string}`,
    );
    config ??= loadDashboardConfig(configFile, ctx.model);
    const loads = (await ctx.freshness()).map((f) => `${f.source}@${f.lastLoadedAt}`).sort();
    const built = config;
    return cache.get(loads.join('|'), `${period}|${isoDate(ctx.clock.now())}`, () =>
      buildDashboard(ctx, built, period, deps.log),
    );
  }

  function periodOf(value: unknown, response: Response): DashboardPeriod | null {
    if (value === undefined) return fallback;
    if (isDashboardPeriod(value)) return value;
    response.status(400).json({
      error: {
        code: ErrorCode.BadArgument,
        message: `Unknown period; use one of ${DASHBOARD_PERIODS.join(', ')}.`,
      },
    });
    return null;
  }

  router.get('/dashboard', requireRole(), async (request, response) => {
    const period = periodOf(request.query.period, response);
    if (!period) return;
    const dashboard = await dashboardFor(response, period);
    response.type('html').send(
      renderDashboard({
        user: response.locals.user as WebUser,
        csrfToken: response.locals.csrfToken as string,
        dashboard,
      }),
    );
  });

  router.get('/api/dashboard', requireRole(), async (request, response) => {
    const period = periodOf(request.query.period, response);
    if (!period) return;
    const d = await dashboardFor(response, period);
    response.json({
      ...d,
      charts: d.charts.map((c, i) => ({
        title: c.title,
        error: c.error,
        url: c.svg ? chartSrc(period, i, d.builtAt) : null,
      })),
      cache: { hits: cache.hits, misses: cache.misses },
    });
  });

  router.get('/dashboard/charts/:period/:index.svg', requireRole(), async (request, response) => {
    const period = String(request.params.period);
    const chart = isDashboardPeriod(period)
      ? (await dashboardFor(response, period)).charts[Number(request.params.index)]
      : undefined;
    if (!chart?.svg) {
      response.status(404).type('text').send('No such chart.');
      return;
    }
    sendSvg(response, chart.svg);
  });

  return router;
}

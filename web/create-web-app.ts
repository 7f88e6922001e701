/** The Express app. Everything is served from this process; no CDN. */
import express, { type Express } from 'express';
import { renderStatusPage } from './render-status-page.ts';
import type { StatusSource } from './status-report.ts';

export interface WebAppOptions {
  status: StatusSource;
}

export function createWebApp(options: WebAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_request, response) => {
    response.json({ ok: true });
  });
  app.get('/api/status', async (_request, response) => {
    response.json(await options.status());
  });
  app.get('/', async (_request, response) => {
    response.type('html').send(renderStatusPage(await options.status()));
  });
  return app;
}

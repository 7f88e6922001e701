/**
 * Prometheus metrics (prom-client) in a registry of the app's own: request counts and durations by
 * method, route pattern and status, sign-in outcomes, rate-limit refusals, answers by kind, and
 * Node's default process metrics.
 */
import type { NextFunction, Request, Response } from 'express';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { routeOf } from './request-context.ts';

export interface WebMetrics {
  registry: Registry;
  middleware(request: Request, response: Response, next: NextFunction): void;
  signIns: Counter<'outcome'>;
  rateLimited: Counter<'limit'>;
  answers: Counter<'kind'>;
}

export function createWebMetrics(): WebMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'shoebox_http_requests_total',
    help: 'HTTP requests by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'shoebox_http_request_duration_seconds',
    help: 'HTTP request durations by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const signIns = new Counter({
    name: 'shoebox_sign_ins_total',
    help: 'Sign-in attempts by outcome (ok, failed, limited).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'shoebox_rate_limited_total',
    help: 'Requests refused by a rate limit, by limit.',
    labelNames: ['limit'] as const,
    registers: [registry],
  });
  const answers = new Counter({
    name: 'shoebox_answers_total',
    help: 'Answers by kind (answer, clarification, draft, refusal, error, help).',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  return {
    registry,
    signIns,
    rateLimited,
    answers,
    middleware(request, response, next) {
      const stop = durations.startTimer();
      response.on('finish', () => {
        const route = routeOf(request);
        stop({ method: request.method, route });
        requests.inc({ method: request.method, route, status: String(response.statusCode) });
      });
      next();
    },
  };
}

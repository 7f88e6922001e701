/**
 * The OpenAPI 3.1 description of the JSON API under /api, served at /api/openapi.json. A test
 * checks that every /api route the app registers is described here.
 */
import { FINANCE_PATHS } from './openapi-finance-paths.ts';
import { errors, json, ok, path, query, ref } from './openapi-parts.ts';
import { SCHEMAS } from './openapi-schemas.ts';

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'shoebox web API',
      version: '0.1.0',
      description:
        'The JSON API of the shoebox web app. Sign in through the web form (POST /sign-in); the session cookie authenticates. Every POST needs the session CSRF token in the x-csrf-token header (the page\'s <meta name="csrf-token">). Errors are {error: {code, message, requestId}}.',
    },
    servers: [{ url: '/' }],
    security: [{ session: [], csrf: [] }],
    paths: {
      '/api/chat': {
        post: {
          summary: 'Ask a question; the answer streams as Server-Sent Events.',
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['question'],
              properties: { question: { type: 'string', maxLength: 2000 }, threadId: { type: 'string' } },
            }),
          },
          responses: {
            '200': {
              description: 'text/event-stream of AnswerEvents; the last is always "answer".',
              content: { 'text/event-stream': { schema: ref('AnswerEvent') } },
            },
            '429': {
              description: 'Too many questions this minute (RATE_LIMITED); see Retry-After.',
              content: json(ref('Error')),
            },
            ...errors,
          },
        },
      },
      '/api/threads': {
        get: {
          summary: "The signed-in user's threads, newest first.",
          responses: ok('Threads.', {
            type: 'object',
            properties: { threads: { type: 'array', items: ref('ThreadSummary') } },
          }),
        },
      },
      '/api/threads/{threadId}': {
        get: {
          summary: 'One thread with its turns (only its owner may read it).',
          parameters: [path('threadId', 'Thread id.')],
          responses: {
            ...ok('The thread.', {
              type: 'object',
              properties: {
                threadId: { type: 'string' },
                turns: { type: 'array', items: { type: 'object' } },
              },
            }),
            '404': { description: 'No such thread.', content: json(ref('Error')) },
          },
        },
      },
      '/api/feedback': {
        post: {
          summary: 'Thumbs up or down on an answer, with an optional comment.',
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['answerId', 'rating'],
              properties: {
                answerId: { type: 'string' },
                rating: { enum: ['up', 'down'] },
                comment: { type: ['string', 'null'], maxLength: 2000 },
              },
            }),
          },
          responses: ok('Stored.', { type: 'object' }),
        },
      },
      '/api/dashboard': {
        get: {
          summary:
            'The dashboard as JSON: KPI tiles against the previous period and last year, charts and written insights. Cached until the next load.',
          parameters: [
            query(
              'period',
              'this_month, last_month, this_quarter, last_quarter, year_to_date or last_12_months (default last_month).',
            ),
          ],
          responses: ok('The dashboard.', { type: 'object' }),
        },
      },
      '/api/admin/verified-queries': {
        post: {
          summary:
            'Admins: save a corrected semantic query as a verified query (compiled first), resolving the feedback it came from; the assistant uses it at once.',
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['feedbackId', 'question', 'query'],
              properties: {
                feedbackId: { type: ['string', 'null'], maxLength: 100 },
                question: { type: 'string', maxLength: 2000 },
                query: { type: 'object', description: 'A semantic query (see docs/semantic-model.md).' },
              },
            }),
          },
          responses: ok('Saved.', { type: 'object' }),
        },
      },
      '/api/status': {
        get: { summary: 'What data is loaded (admins).', responses: ok('Status.', { type: 'object' }) },
      },
      '/api/openapi.json': {
        get: {
          summary: 'This document.',
          security: [],
          responses: { '200': { description: 'OpenAPI 3.1.', content: json({ type: 'object' }) } },
        },
      },
      ...FINANCE_PATHS,
    },
    components: {
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'shoebox_session',
          description: 'Set by POST /sign-in.',
        },
        csrf: {
          type: 'apiKey',
          in: 'header',
          name: 'x-csrf-token',
          description: 'Required on POST, PUT, PATCH and DELETE.',
        },
      },
      schemas: SCHEMAS,
    },
  };
}

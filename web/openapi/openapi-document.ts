/**
 * The OpenAPI 3.1 description of the JSON API under /api, served at /api/openapi.json. A test
 * checks that every /api route the app registers is described here.
 */
import { SCHEMAS } from './openapi-schemas.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const errors = {
  '401': { description: 'Not signed in (NOT_SIGNED_IN).', content: json(ref('Error')) },
  '403': {
    description: 'Missing role (FORBIDDEN) or CSRF token (CSRF_REFUSED).',
    content: json(ref('Error')),
  },
};
const ok = (description: string, schema: object) => ({
  '200': { description, content: json(schema) },
  ...errors,
});
const query = (name: string, description: string, format?: string) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'string', ...(format ? { format } : {}) },
});
const path = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});
const financeOnly = 'Finance role only.';
const dateRange = [
  query('from', 'First day, YYYY-MM-DD.', 'date'),
  query('to', 'Last day, YYYY-MM-DD.', 'date'),
];

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
      '/api/threads/{id}': {
        get: {
          summary: 'One thread with its turns (only its owner may read it).',
          parameters: [path('id', 'Thread id.')],
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
      '/api/finance/entries': {
        get: {
          summary: `Journal entries, newest first. ${financeOnly}`,
          parameters: [
            ...dateRange,
            query('account', 'Account code.'),
            query('counterparty', 'Part of the name.'),
            query('text', 'Part of the memo or number.'),
            query('limit', 'At most 500; 100 by default.'),
          ],
          responses: ok('Entries.', {
            type: 'object',
            properties: { entries: { type: 'array', items: ref('PostedEntry') } },
          }),
        },
      },
      '/api/finance/entries/{number}': {
        get: {
          summary: `One entry and its audit trail. ${financeOnly}`,
          parameters: [path('number', 'Entry number, e.g. LE42.')],
          responses: {
            ...ok('Entry.', {
              type: 'object',
              properties: { entry: ref('PostedEntry'), audit: { type: 'array', items: ref('AuditStep') } },
            }),
            '404': { description: 'No such entry.', content: json(ref('Error')) },
          },
        },
      },
      '/api/finance/entries/{number}/reverse': {
        post: {
          summary: `Reverse an entry (idempotent per entry). ${financeOnly}`,
          parameters: [path('number', 'Entry number.')],
          requestBody: {
            content: json({ type: 'object', properties: { reason: { type: 'string', maxLength: 300 } } }),
          },
          responses: {
            '201': {
              description: 'The reversal.',
              content: json({ type: 'object', properties: { entry: ref('PostedEntry') } }),
            },
            '409': {
              description: 'Already reversed, or a reversal (LEDGER_REVERSAL_REFUSED).',
              content: json(ref('Error')),
            },
            ...errors,
          },
        },
      },
      '/api/finance/trial-balance': {
        get: {
          summary: `Trial balance. ${financeOnly}`,
          parameters: [query('asOf', 'Date, YYYY-MM-DD.', 'date')],
          responses: ok('Balances.', ref('TrialBalance')),
        },
      },
      '/api/finance/expenses': {
        get: {
          summary: `Expenses by category and month. ${financeOnly}`,
          parameters: dateRange,
          responses: ok('Rows.', {
            type: 'object',
            properties: { rows: { type: 'array', items: ref('ExpenseMonthRow') } },
          }),
        },
      },
      '/api/finance/drafts/{id}/confirm': {
        post: {
          summary: `Confirm a chat draft: posts the entry (idempotent per draft). ${financeOnly}`,
          parameters: [path('id', 'Draft id (uuid).')],
          responses: {
            ...ok('Posted.', { type: 'object', properties: { entry: ref('PostedEntry') } }),
            '409': {
              description: 'Draft already closed (LEDGER_DRAFT_CLOSED).',
              content: json(ref('Error')),
            },
          },
        },
      },
      '/api/finance/drafts/{id}/cancel': {
        post: {
          summary: `Cancel a chat draft (idempotent per draft). ${financeOnly}`,
          parameters: [path('id', 'Draft id (uuid).')],
          responses: ok('Cancelled.', { type: 'object', properties: { draft: ref('DraftCard') } }),
        },
      },
      '/api/finance/uploads': {
        post: {
          summary: `Load an accountants' file (CSV or XLSX) through the pipeline; rejected rows are returned. ${financeOnly}`,
          parameters: [
            {
              name: 'x-file-name',
              in: 'header',
              required: true,
              description: 'The file name, ending .csv or .xlsx.',
              schema: { type: 'string' },
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/octet-stream': {
                schema: { type: 'string', contentMediaType: 'application/octet-stream' },
              },
            },
          },
          responses: {
            '201': { description: 'Loaded.', content: json(ref('UploadResult')) },
            '400': {
              description: 'Bad name or empty file (LOAD_FILE_INVALID).',
              content: json(ref('Error')),
            },
            '413': { description: 'Too large.', content: json(ref('Error')) },
            ...errors,
          },
        },
      },
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

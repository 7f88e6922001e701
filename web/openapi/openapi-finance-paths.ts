/** The finance routes of the OpenAPI description (finance role only). */
import { dateRange, errors, financeOnly, json, ok, path, query, ref } from './openapi-parts.ts';

export const FINANCE_PATHS = {
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
};

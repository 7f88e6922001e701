/** JSON Schemas (OpenAPI 3.1 dialect) of the bodies the JSON API sends and receives. */
const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const nullable = (type: string) => ({ type: [type, 'null'] });

export const SCHEMAS = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: {
            ...str,
            description: 'Stable code, e.g. NOT_SIGNED_IN, FORBIDDEN, CSRF_REFUSED, RATE_LIMITED.',
          },
          message: { ...str, description: 'What went wrong and what to do next.' },
          requestId: { ...str, description: 'Also in the x-request-id header and the server log.' },
        },
      },
    },
  },
  PostedLine: {
    type: 'object',
    properties: {
      accountCode: str,
      accountName: str,
      amountMinor: { ...int, description: 'Debit positive, credit negative, in minor units.' },
      currency: str,
    },
  },
  PostedEntry: {
    type: 'object',
    properties: {
      entryId: int,
      entryNumber: str,
      entryDate: { ...str, format: 'date' },
      kind: str,
      memo: str,
      counterparty: nullable('string'),
      reversalOf: nullable('string'),
      reversedBy: nullable('string'),
      createdBy: str,
      lines: { type: 'array', items: { $ref: '#/components/schemas/PostedLine' } },
    },
  },
  AuditStep: {
    type: 'object',
    properties: {
      action: { enum: ['draft', 'confirm', 'cancel', 'reverse', 'import'] },
      userId: str,
      username: nullable('string'),
      roles: { type: 'array', items: str },
      channel: str,
      text: nullable('string'),
      at: { ...str, format: 'date-time' },
    },
  },
  DraftCard: {
    type: 'object',
    properties: {
      draftId: { ...str, format: 'uuid' },
      status: { enum: ['pending', 'confirmed', 'cancelled'] },
      kind: str,
      amount: str,
      amountMinor: int,
      currency: str,
      entryDate: { ...str, format: 'date' },
      debit: { type: 'object', properties: { code: str, name: str } },
      credit: { type: 'object', properties: { code: str, name: str } },
      counterparty: nullable('string'),
      memo: str,
      createdBy: str,
      entryNumber: nullable('string'),
    },
  },
  TrialBalance: {
    type: 'object',
    properties: {
      asOf: nullable('string'),
      rows: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            accountCode: str,
            accountName: str,
            accountType: str,
            currency: str,
            debitMinor: int,
            creditMinor: int,
            balanceMinor: int,
          },
        },
      },
      totals: { type: 'object', additionalProperties: int },
    },
  },
  ExpenseMonthRow: {
    type: 'object',
    properties: { month: str, accountCode: str, accountName: str, currency: str, amountMinor: int },
  },
  UploadResult: {
    type: 'object',
    properties: {
      file: str,
      kind: str,
      status: { enum: ['loaded', 'unchanged', 'unrecognised'] },
      rowsLoaded: int,
      rowsRejected: int,
      rejects: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            file: str,
            line: int,
            column: nullable('string'),
            value: nullable('string'),
            reason: str,
            message: str,
          },
        },
      },
      page: { ...str, description: 'The page showing this result.' },
    },
  },
  AnswerEvent: {
    description:
      'One Server-Sent Event of POST /api/chat: event "status" {message}, "text" {delta}, and last "answer" {answer} (assistant/answer.ts).',
    oneOf: [
      {
        type: 'object',
        required: ['type', 'message'],
        properties: { type: { const: 'status' }, message: str },
      },
      { type: 'object', required: ['type', 'delta'], properties: { type: { const: 'text' }, delta: str } },
      {
        type: 'object',
        required: ['type', 'answer'],
        properties: { type: { const: 'answer' }, answer: { $ref: '#/components/schemas/Answer' } },
      },
    ],
  },
  Answer: {
    type: 'object',
    description:
      'The structured answer (assistant/answer.ts): text, figures, table, chart, provenance, suggestions, draft.',
    required: ['id', 'threadId', 'kind', 'text'],
    properties: {
      id: str,
      threadId: str,
      question: str,
      kind: { enum: ['answer', 'clarification', 'draft', 'refusal', 'error', 'help'] },
      text: str,
      figures: { type: 'array', items: { type: 'object' } },
      table: { type: ['object', 'null'] },
      chart: { type: ['object', 'null'] },
      provenance: { type: ['object', 'null'] },
      suggestions: { type: 'array', items: str },
      draft: { oneOf: [{ $ref: '#/components/schemas/DraftCard' }, { type: 'null' }] },
    },
  },
  ThreadSummary: {
    type: 'object',
    properties: {
      threadId: str,
      title: str,
      userId: str,
      turns: int,
      updatedAt: { ...str, format: 'date-time' },
    },
  },
} as const;

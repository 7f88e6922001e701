/**
 * The one error type users see. Every failure a person or the model can act on is a CodedError
 * with a stable code (for tests, logs and docs) and a message that says what to do next.
 * Edges (CLI, web, Slack) print `message` alone; stack traces only with --verbose.
 */
export const ErrorCode = {
  ConfigInvalid: 'CONFIG_INVALID',
  ConfigFileUnreadable: 'CONFIG_FILE_UNREADABLE',
  ConfigFileMalformed: 'CONFIG_FILE_MALFORMED',
  BadArgument: 'BAD_ARGUMENT',
  PathUnreadable: 'PATH_UNREADABLE',
  PathUnwritable: 'PATH_UNWRITABLE',
  UnsupportedUrl: 'UNSUPPORTED_URL',
  WarehouseQueryFailed: 'WAREHOUSE_QUERY_FAILED',
  WarehouseReadOnly: 'WAREHOUSE_READ_ONLY',
  WarehouseTimeout: 'WAREHOUSE_TIMEOUT',
  WarehouseConnectFailed: 'WAREHOUSE_CONNECT_FAILED',
  LedgerQueryFailed: 'LEDGER_QUERY_FAILED',
  LedgerMigrationFailed: 'LEDGER_MIGRATION_FAILED',
  LedgerInvalidInput: 'LEDGER_INVALID_INPUT',
  LedgerForbidden: 'LEDGER_FORBIDDEN',
  LedgerNotFound: 'LEDGER_NOT_FOUND',
  LedgerDraftClosed: 'LEDGER_DRAFT_CLOSED',
  LedgerIdempotencyConflict: 'LEDGER_IDEMPOTENCY_CONFLICT',
  LedgerReversalRefused: 'LEDGER_REVERSAL_REFUSED',
  DemoDataMissing: 'DEMO_DATA_MISSING',
  // Web chat, dashboard, feedback and admin (issue 8, helper/webchat):
  AnswerNotFound: 'ANSWER_NOT_FOUND',
  DashboardConfigInvalid: 'DASHBOARD_CONFIG_INVALID',
  EtlSourceFailed: 'ETL_SOURCE_FAILED',
  EtlStagingFailed: 'ETL_STAGING_FAILED',
  EtlLoadFailed: 'ETL_LOAD_FAILED',
  EtlReconcileFailed: 'ETL_RECONCILE_FAILED',
  EtlRunInProgress: 'ETL_RUN_IN_PROGRESS',
  GlueJobFailed: 'GLUE_JOB_FAILED',
  LoadFileInvalid: 'LOAD_FILE_INVALID',
  SemanticModelInvalid: 'SEMANTIC_MODEL_INVALID',
  SemanticQueryInvalid: 'SEMANTIC_QUERY_INVALID',
  SemanticUnknownMember: 'SEMANTIC_UNKNOWN_MEMBER',
  SemanticUnsupportedSlice: 'SEMANTIC_UNSUPPORTED_SLICE',
  SemanticJoinTrap: 'SEMANTIC_JOIN_TRAP',
  SemanticBadRange: 'SEMANTIC_BAD_RANGE',
  SemanticLimitExceeded: 'SEMANTIC_LIMIT_EXCEEDED',
  ToolSchemaInvalid: 'TOOL_SCHEMA_INVALID',
  ModelNotConfigured: 'MODEL_NOT_CONFIGURED',
  ModelAuthFailed: 'MODEL_AUTH_FAILED',
  ModelRateLimited: 'MODEL_RATE_LIMITED',
  ModelUnavailable: 'MODEL_UNAVAILABLE',
  ModelTimeout: 'MODEL_TIMEOUT',
  ModelContextTooLong: 'MODEL_CONTEXT_TOO_LONG',
  ModelBadResponse: 'MODEL_BAD_RESPONSE',
  ModelRequestRejected: 'MODEL_REQUEST_REJECTED',
  ModelAborted: 'MODEL_ABORTED',
  NotImplemented: 'NOT_IMPLEMENTED',
  BenchmarkTargetMissed: 'BENCHMARK_TARGET_MISSED',
  // Evals (issue #10): a run with failing cases, for a non-zero exit.
  EvalsFailed: 'EVALS_FAILED',
  // The assistant's loop, memory and `shoebox ask` (issue #6, parts 4 and 6):
  ThreadNotFound: 'THREAD_NOT_FOUND',
  FeedbackAnswerNotFound: 'FEEDBACK_ANSWER_NOT_FOUND',
  AssistantStepLimit: 'ASSISTANT_STEP_LIMIT',
  AssistantToolFailed: 'ASSISTANT_TOOL_FAILED',
  AssistantFailed: 'ASSISTANT_FAILED',
  WarehouseNotLoaded: 'WAREHOUSE_NOT_LOADED',
  // Web platform (issue 8, part 5: sign-in, sessions, CSRF, rate limits, HTTP errors).
  WebNotSignedIn: 'NOT_SIGNED_IN',
  WebForbidden: 'FORBIDDEN',
  WebCsrfRefused: 'CSRF_REFUSED',
  WebRateLimited: 'RATE_LIMITED',
  WebSignInFailed: 'SIGN_IN_FAILED',
  WebBadRequest: 'BAD_REQUEST',
  WebPayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  WebNotFound: 'NOT_FOUND',
  WebInternal: 'INTERNAL_ERROR',
  // Slack app (issue #9):
  SlackNotConfigured: 'SLACK_NOT_CONFIGURED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class CodedError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CodedError';
    this.code = code;
    this.details = options?.details;
  }
}

export function isCodedError(error: unknown, code?: ErrorCode): error is CodedError {
  return error instanceof CodedError && (code === undefined || error.code === code);
}

/** The message of any thrown value, for wrapping driver errors into a CodedError. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The last middleware: maps what was thrown to a status and a stable code (body parser errors,
 * CodedErrors, anything else as 500), logs the full error with the request id, and sends the
 * client only the code, a message and the request id.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { sendError } from './send-error.ts';

const STATUS_OF_CODE: Partial<Record<string, number>> = {
  [ErrorCode.BadArgument]: 400,
  [ErrorCode.LedgerInvalidInput]: 400,
  [ErrorCode.LoadFileInvalid]: 400,
  [ErrorCode.LedgerForbidden]: 403,
  [ErrorCode.LedgerNotFound]: 404,
  [ErrorCode.LedgerDraftClosed]: 409,
  [ErrorCode.LedgerIdempotencyConflict]: 409,
  [ErrorCode.LedgerReversalRefused]: 409,
};

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

export function errorHandler(log: PinoLogger) {
  return (error: unknown, request: Request, response: Response, _next: NextFunction): void => {
    const requestId = response.locals.requestId;
    const httpish = (error ?? {}) as HttpishError;
    const status = httpish.status ?? httpish.statusCode;
    if (httpish.type === 'entity.too.large') {
      sendError(request, response, 413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
      return;
    }
    if (httpish.type === 'entity.parse.failed') {
      sendError(request, response, 400, 'BAD_REQUEST', 'The request body is not valid JSON.');
      return;
    }
    if (error instanceof CodedError) {
      const codedStatus = STATUS_OF_CODE[error.code] ?? 500;
      if (codedStatus >= 500) log.error({ reqId: requestId, code: error.code, err: error }, 'request error');
      sendError(request, response, codedStatus, error.code, error.message);
      return;
    }
    if (status && status >= 400 && status < 500 && httpish.expose) {
      sendError(request, response, status, 'BAD_REQUEST', 'The request could not be read.');
      return;
    }
    log.error({ reqId: requestId, err: error }, 'unhandled error');
    sendError(
      request,
      response,
      500,
      'INTERNAL_ERROR',
      'Something went wrong on our side. It has been logged; quote the request id if you report it.',
    );
  };
}

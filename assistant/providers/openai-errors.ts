/**
 * Turns whatever the `openai` SDK throws into a CodedError a person can act on. Upstream
 * messages are shown only for rejected requests (they say what was wrong), redacted and cut
 * short; a 401's upstream message is never shown because OpenAI echoes part of the key.
 */
import OpenAI from 'openai';
import { CodedError, ErrorCode, messageOf } from '../../core/coded-error.ts';
import { redactText } from '../../core/redact.ts';

export interface ErrorContext {
  apiKey: string | undefined;
  /** Host of the endpoint, for "cannot reach" messages (never the user-info of the URL). */
  host: string;
  attempts: number;
  timeoutMs: number;
  /** Why our own signal fired, if it did. */
  aborted: 'user' | 'deadline' | undefined;
  totalTimeoutMs: number;
}

export function toModelError(error: unknown, context: ErrorContext): CodedError {
  const clean = (text: string) => redactText(text, context.apiKey ? [context.apiKey] : []).slice(0, 300);
  const cause = new Error(clean(messageOf(error)));
  if (context.aborted === 'user')
    return new CodedError(
      ErrorCode.ModelAborted,
      'The question was cancelled before the language model finished.',
      { cause },
    );
  if (context.aborted === 'deadline')
    return new CodedError(
      ErrorCode.ModelTimeout,
      `The language model took longer than ${seconds(context.totalTimeoutMs)} to answer; try again, or ask a shorter question.`,
      { cause },
    );
  // After the abort checks: the SDK ends an aborted stream quietly, and we then call it cut off.
  if (error instanceof CodedError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return new CodedError(
      ErrorCode.ModelTimeout,
      `The language model did not answer within ${seconds(context.timeoutMs)} (${context.attempts} attempts); try again in a minute.`,
      { cause },
    );
  if (error instanceof OpenAI.APIUserAbortError)
    return new CodedError(
      ErrorCode.ModelAborted,
      'The question was cancelled before the language model finished.',
      { cause },
    );
  if (error instanceof OpenAI.APIConnectionError)
    return new CodedError(
      ErrorCode.ModelUnavailable,
      `Cannot reach the language model at ${context.host}; check OPENAI_BASE_URL and the network, then try again.`,
      { cause },
    );
  if (error instanceof OpenAI.APIError) return fromStatus(error, context, clean, cause);
  return new CodedError(
    ErrorCode.ModelBadResponse,
    'The language model sent a reply shoebox cannot read; try again, and if it keeps happening check OPENAI_BASE_URL points at an OpenAI-compatible API.',
    { cause },
  );
}

function fromStatus(
  error: InstanceType<typeof OpenAI.APIError>,
  context: ErrorContext,
  clean: (text: string) => string,
  cause: Error,
): CodedError {
  const status = error.status;
  const details = { status, upstreamCode: error.code ?? undefined };
  const upstream = clean(upstreamMessage(error));
  if (status === undefined)
    return new CodedError(
      ErrorCode.ModelBadResponse,
      `The language model stopped with an error mid-answer${upstream ? ` (${upstream})` : ''}; try again.`,
      { cause, details },
    );
  if (status === 401 || status === 403)
    return new CodedError(
      ErrorCode.ModelAuthFailed,
      `The language model refused the API key (HTTP ${status}); check OPENAI_API_KEY (and OPENAI_BASE_URL).`,
      { cause, details },
    );
  if (status === 429) {
    if (error.code === 'insufficient_quota')
      return new CodedError(
        ErrorCode.ModelRateLimited,
        'The OpenAI account has run out of quota; check its plan and billing, or use the offline mode (unset OPENAI_API_KEY).',
        { cause, details },
      );
    const wait = retryAfterMs(error.headers);
    const when = wait === undefined ? 'in a minute' : `in ${Math.max(1, Math.ceil(wait / 1000))} s`;
    return new CodedError(
      ErrorCode.ModelRateLimited,
      `The language model is busy (rate limited); try again ${when}.`,
      {
        cause,
        details: { ...details, retryAfterMs: wait },
      },
    );
  }
  if (error.code === 'context_length_exceeded')
    return new CodedError(
      ErrorCode.ModelContextTooLong,
      'This conversation is too long for the language model; start a new thread, or ask a shorter question.',
      { cause, details },
    );
  if (status >= 500 || status === 408 || status === 409)
    return new CodedError(
      ErrorCode.ModelUnavailable,
      `The language model is unavailable (HTTP ${status} after ${context.attempts} attempts); try again in a minute.`,
      { cause, details },
    );
  return new CodedError(
    ErrorCode.ModelRequestRejected,
    `The language model rejected the request (HTTP ${status}${upstream ? `: ${upstream}` : ''}); check OPENAI_MODEL and OPENAI_BASE_URL.`,
    { cause, details },
  );
}

function upstreamMessage(error: InstanceType<typeof OpenAI.APIError>): string {
  const body = error.error as { message?: unknown } | undefined;
  return typeof body?.message === 'string' ? body.message : '';
}

/** The server's requested wait, from `retry-after-ms` or `retry-after` (seconds or an HTTP date). */
export function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return ms;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const secondsValue = Number.parseFloat(value);
  if (Number.isFinite(secondsValue)) return secondsValue * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

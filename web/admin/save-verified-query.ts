/**
 * An admin's correction becomes a verified query: the JSON is parsed and shaped (defaults as in the
 * model's YAML), the store compiles it before saving, the planner is refreshed so the very next
 * question uses it, and the feedback it came from is marked resolved.
 */
import type { AssistantRuntime } from '../../assistant/assistant-runtime.ts';
import type { SavedVerifiedQuery } from '../../assistant/memory/app-stores.ts';
import { CodedError, ErrorCode, isCodedError } from '../../core/coded-error.ts';
import { authoredQueryShape } from '../../semantic-layer/query/semantic-query-shape.ts';

export interface CorrectionInput {
  question: string;
  queryJson: string;
  feedbackId: string | null;
  adminId: string;
}

export async function saveVerifiedQuery(
  runtime: AssistantRuntime,
  input: CorrectionInput,
): Promise<SavedVerifiedQuery> {
  const question = input.question.trim();
  if (question.length === 0 || question.length > 500) {
    throw new CodedError(ErrorCode.BadArgument, 'The question must have 1 to 500 characters.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(input.queryJson);
  } catch (error) {
    throw new CodedError(ErrorCode.BadArgument, `The query is not valid JSON: ${(error as Error).message}`);
  }
  const shaped = authoredQueryShape.safeParse(raw);
  if (!shaped.success) {
    const problems = shaped.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.') || '(query)'}: ${i.message}`);
    throw new CodedError(
      ErrorCode.SemanticQueryInvalid,
      `The query does not have the right shape: ${problems.join('; ')}.`,
    );
  }
  const saved = await runtime.stores.verifiedQueries.add({
    question,
    query: shaped.data,
    createdBy: input.adminId,
    fromFeedbackId: input.feedbackId,
  });
  if (input.feedbackId) await runtime.stores.feedback.markResolved(input.feedbackId);
  await runtime.refresh();
  return saved;
}

/** The message to show an admin for a refused correction; unexpected failures are rethrown. */
export function correctionProblem(error: unknown): string {
  if (isCodedError(error)) return error.message;
  throw error;
}

/**
 * Thumbs up or down on an answer, with an optional comment: POST /api/feedback. The answer must be
 * one of the caller's own (its turn's user); the store copies the question, the semantic queries
 * and the figures from the turn, so the admin page reads them without a join.
 */
import express from 'express';
import { z } from 'zod';
import { ErrorCode } from '../../core/coded-error.ts';
import { requireRole } from '../auth/require-role.ts';
import type { WebDeps, WebUser } from '../web-contract.ts';

export const feedbackBody = z.strictObject({
  answerId: z.string().min(1).max(100),
  rating: z.enum(['up', 'down']),
  comment: z
    .string()
    .trim()
    .max(1000)
    .nullable()
    .optional()
    .transform((c) => (c ? c : null)),
});

export function createFeedbackRouter(deps: WebDeps): express.Router {
  const router = express.Router();
  router.post('/api/feedback', requireRole(), async (request, response) => {
    const parsed = feedbackBody.safeParse(request.body);
    if (!parsed.success) {
      response.status(400).json({
        error: {
          code: ErrorCode.BadArgument,
          message:
            'Send {"answerId": "...", "rating": "up" | "down", "comment": text or null (at most 1,000 characters)}.',
        },
      });
      return;
    }
    const user = response.locals.user as WebUser;
    const turn = await deps.runtime.stores.threads.getTurn(parsed.data.answerId);
    if (!turn || turn.userId !== user.id) {
      response
        .status(404)
        .json({ error: { code: ErrorCode.AnswerNotFound, message: 'No answer of yours with that id.' } });
      return;
    }
    const record = await deps.runtime.stores.feedback.record({
      answerId: parsed.data.answerId,
      userId: user.id,
      rating: parsed.data.rating,
      comment: parsed.data.comment,
      channel: 'web',
    });
    deps.log.info(`feedback ${record.rating} on ${record.answerId} (${response.locals.requestId})`);
    response.status(201).json({ feedback: { id: record.id, rating: record.rating } });
  });
  return router;
}

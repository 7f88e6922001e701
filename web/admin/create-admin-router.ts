/**
 * The admin page (admin role only): adoption by week, the answers marked wrong, and the form that
 * saves a corrected semantic query as a verified query (POST /admin/verified-queries, or the JSON
 * twin POST /api/admin/verified-queries).
 */
import express, { type Response } from 'express';
import { z } from 'zod';
import { ErrorCode } from '../../core/coded-error.ts';
import { requireRole } from '../auth/require-role.ts';
import type { WebDeps, WebUser } from '../web-contract.ts';
import { type AdminPageInput, renderAdminPage } from './render-admin-page.ts';
import { correctionProblem, saveVerifiedQuery } from './save-verified-query.ts';

const formBody = z.object({
  feedbackId: z.string().max(100).optional(),
  question: z.string().max(2000),
  query: z.string().max(20_000),
});

export const correctionBody = z.strictObject({
  feedbackId: z.string().max(100).nullable(),
  question: z.string().max(2000),
  query: z.unknown(),
});

export function createAdminRouter(deps: WebDeps): express.Router {
  const router = express.Router();
  const admin = requireRole('admin');
  const stores = deps.runtime.stores;

  async function page(response: Response, status: number, extra: Partial<AdminPageInput> = {}) {
    const [weekly, wrong, verified] = await Promise.all([
      stores.usage.weekly(12),
      stores.feedback.list({ rating: 'down', unresolvedOnly: true, limit: 50 }),
      stores.verifiedQueries.list(),
    ]);
    response
      .status(status)
      .type('html')
      .send(
        renderAdminPage({
          user: response.locals.user as WebUser,
          csrfToken: response.locals.csrfToken as string,
          // Newest week first, whatever order the store returns.
          weekly: [...weekly].sort((a, b) => b.week.localeCompare(a.week)),
          wrong,
          verified,
          notice: null,
          ...extra,
        }),
      );
  }

  router.get('/admin', admin, async (request, response) => {
    const saved = typeof request.query.saved === 'string' ? request.query.saved : null;
    await page(
      response,
      200,
      saved
        ? { notice: { kind: 'ok', text: 'Saved: the assistant answers that question this way from now on.' } }
        : {},
    );
  });

  router.post('/admin/verified-queries', admin, async (request, response) => {
    const parsed = formBody.safeParse(request.body);
    if (!parsed.success) {
      await page(response, 400, { notice: { kind: 'error', text: 'The form was incomplete.' } });
      return;
    }
    const feedbackId = parsed.data.feedbackId || null;
    try {
      const saved = await saveVerifiedQuery(deps.runtime, {
        question: parsed.data.question,
        queryJson: parsed.data.query,
        feedbackId,
        adminId: (response.locals.user as WebUser).id,
      });
      response.redirect(303, `/admin?saved=${encodeURIComponent(saved.id)}`);
    } catch (error) {
      await page(response, 400, {
        notice: { kind: 'error', text: correctionProblem(error), ...(feedbackId ? { feedbackId } : {}) },
        ...(feedbackId
          ? { draft: { feedbackId, question: parsed.data.question, queryJson: parsed.data.query } }
          : {}),
      });
    }
  });

  router.post('/api/admin/verified-queries', admin, async (request, response) => {
    const parsed = correctionBody.safeParse(request.body);
    if (!parsed.success) {
      response.status(400).json({
        error: {
          code: ErrorCode.BadArgument,
          message: 'Send {"feedbackId": id or null, "question": "...", "query": {...}}.',
        },
      });
      return;
    }
    try {
      const saved = await saveVerifiedQuery(deps.runtime, {
        question: parsed.data.question,
        queryJson: JSON.stringify(parsed.data.query ?? null),
        feedbackId: parsed.data.feedbackId,
        adminId: (response.locals.user as WebUser).id,
      });
      response.status(201).json({ verifiedQuery: saved });
    } catch (error) {
      response.status(400).json({
        error: {
          code: (error as { code?: string }).code ?? 'BAD_ARGUMENT',
          message: correctionProblem(error),
        },
      });
    }
  });
  return router;
}

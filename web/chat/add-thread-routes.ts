/**
 * The chat's JSON reads and its chart images: the caller's threads (newest first), one thread's
 * turns with their HTML, and an answer's chart as a locked-down SVG, served from the recent-chart
 * cache or the stored turn, only to the answer's owner. Another user's thread or answer is a 404.
 */
import type express from 'express';
import type { Response } from 'express';
import type { Answer } from '../../assistant/answer.ts';
import type { StoredTurn } from '../../assistant/memory/app-stores.ts';
import { isCodedError } from '../../core/coded-error.ts';
import { requireRole } from '../auth/require-role.ts';
import type { WebDeps, WebUser } from '../web-contract.ts';
import type { ChartSvgCache } from './chart-svg-cache.ts';

import { renderTurn } from './render-answer.ts';
import { sendSvg } from './send-svg.ts';

/** The thread store's code for a thread that is missing or someone else's (assistant/memory/app-stores.ts). */
export const THREAD_NOT_FOUND = 'THREAD_NOT_FOUND';

/** The answer as the browser gets it: the chart's picture is a separate request. */
export function clientAnswer(
  answer: Answer,
): Omit<Answer, 'chart'> & { chart: { title: string; kind: string } | null } {
  return { ...answer, chart: answer.chart ? { title: answer.chart.title, kind: answer.chart.kind } : null };
}

/** The thread's turns, or null when it is not the user's (or does not exist). */
export async function loadThread(
  deps: WebDeps,
  threadId: string,
  user: WebUser,
): Promise<StoredTurn[] | null> {
  try {
    return await deps.runtime.stores.threads.loadTurns(threadId, user.id);
  } catch (error) {
    if (isCodedError(error) && (error.code as string) === THREAD_NOT_FOUND) return null;
    throw error;
  }
}

const notFound = (response: Response) =>
  response.status(404).json({ error: { code: THREAD_NOT_FOUND, message: 'No such conversation of yours.' } });

export function addThreadRoutes(router: express.Router, deps: WebDeps, charts: ChartSvgCache): void {
  const signedIn = requireRole();
  const stores = deps.runtime.stores;
  const userOf = (response: Response) => response.locals.user as WebUser;

  router.get('/api/threads', signedIn, async (_request, response) => {
    response.json({ threads: await stores.threads.listThreads(userOf(response).id, 50) });
  });

  router.get('/api/threads/:threadId', signedIn, async (request, response) => {
    const threadId = String(request.params.threadId);
    const turns = await loadThread(deps, threadId, userOf(response));
    if (turns === null) {
      notFound(response);
      return;
    }
    response.json({
      threadId,
      turns: turns.map((t) => ({
        question: t.question,
        createdAt: t.createdAt,
        answer: clientAnswer(t.answer),
        html: renderTurn(t.question, t.answer).html,
      })),
    });
  });

  router.get('/chat/answers/:answerId/chart.svg', signedIn, async (request, response) => {
    const answerId = String(request.params.answerId);
    const user = userOf(response);
    const cached = charts.get(answerId);
    let svg = cached?.userId === user.id ? cached.svg : undefined;
    if (!svg) {
      const turn = await stores.threads.getTurn(answerId);
      if (turn?.userId === user.id) svg = turn.answer.chart?.svg;
    }
    if (svg) sendSvg(response, svg);
    else response.status(404).type('text').send('No chart for that answer of yours.');
  });
}

/**
 * The chat: the page (/chat, /chat/:threadId), the streamed answer (POST /api/chat, Server-Sent
 * Events of the assistant's AnswerEvents), a plain form POST for browsers without the script,
 * the threads as JSON, and each answer's chart as an image. Identity comes from res.locals (the
 * platform's session), never from the request body.
 */
import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { ErrorCode } from '../../core/coded-error.ts';
import { requireRole } from '../auth/require-role.ts';
import { callerOf, type WebDeps, type WebUser } from '../web-contract.ts';
import { addThreadRoutes, clientAnswer, loadThread, THREAD_NOT_FOUND } from './add-thread-routes.ts';
import { ChartSvgCache } from './chart-svg-cache.ts';
import { renderAnswer } from './render-answer.ts';
import { renderChatPage } from './render-chat-page.ts';
import { streamAnswer } from './stream-answer.ts';

export const askBody = z.strictObject({
  threadId: z.string().min(1).max(100).nullable(),
  question: z.string().trim().min(1).max(2000),
});

const formBody = z.object({
  threadId: z.string().max(100).optional(),
  question: z.string().trim().min(1).max(2000),
});

function userOf(response: Response): WebUser {
  return response.locals.user as WebUser;
}

function badRequest(response: Response, message: string): void {
  response.status(400).json({ error: { code: ErrorCode.BadArgument, message } });
}

export function createChatRouter(deps: WebDeps): express.Router {
  const router = express.Router();
  const charts = new ChartSvgCache();
  const signedIn = requireRole();
  const stores = deps.runtime.stores;

  async function page(request: Request, response: Response, threadId: string | null): Promise<void> {
    const user = userOf(response);
    const turns = threadId ? await loadThread(deps, threadId, user) : [];
    if (turns === null) {
      response.status(404).type('text').send('No such conversation of yours. Start a new one at /chat.');
      return;
    }
    const q = typeof request.query.q === 'string' ? request.query.q.slice(0, 2000) : null;
    response.type('html').send(
      renderChatPage({
        user,
        csrfToken: response.locals.csrfToken as string,
        threads: await stores.threads.listThreads(user.id, 30),
        threadId,
        turns: turns.map((t) => ({ question: t.question, answer: t.answer })),
        starters: turns.length === 0 ? deps.runtime.planner.starterQuestions().slice(0, 4) : [],
        pending: q,
      }),
    );
  }

  router.get('/chat', signedIn, (request, response) => page(request, response, null));
  router.get('/chat/:threadId', signedIn, (request, response) =>
    page(request, response, String(request.params.threadId)),
  );

  // Without the script: ask, wait for the whole answer, show the thread.
  router.post('/chat', signedIn, async (request, response) => {
    const parsed = formBody.safeParse(request.body);
    if (!parsed.success) {
      response.status(400).type('text').send('Type a question of at most 2,000 characters.');
      return;
    }
    const user = userOf(response);
    const threadId = parsed.data.threadId || null;
    if (threadId && (await loadThread(deps, threadId, user)) === null) {
      response.status(404).type('text').send('No such conversation of yours. Start a new one at /chat.');
      return;
    }
    const answer = await deps.runtime.assistant.answer({
      threadId,
      question: parsed.data.question,
      caller: callerOf(user, response.locals.sessionId as string | undefined),
      requestId: response.locals.requestId as string,
    });
    response.redirect(303, `/chat/${encodeURIComponent(answer.threadId)}#answer-${answer.id}`);
  });

  router.post('/api/chat', signedIn, async (request, response) => {
    const parsed = askBody.safeParse(request.body);
    if (!parsed.success) {
      badRequest(
        response,
        'Send {"threadId": string | null, "question": "..."} with a question of 1 to 2,000 characters.',
      );
      return;
    }
    const user = userOf(response);
    if (parsed.data.threadId && (await loadThread(deps, parsed.data.threadId, user)) === null) {
      response
        .status(404)
        .json({ error: { code: THREAD_NOT_FOUND, message: 'No such conversation of yours.' } });
      return;
    }
    await streamAnswer(deps, response, {
      threadId: parsed.data.threadId,
      question: parsed.data.question,
      caller: callerOf(user, response.locals.sessionId as string | undefined),
      onAnswer: (answer) => {
        if (answer.chart?.svg) charts.put(answer.id, { userId: user.id, svg: answer.chart.svg });
        return { answer: clientAnswer(answer), html: renderAnswer(answer).html };
      },
    });
  });

  addThreadRoutes(router, deps, charts);
  return router;
}

/**
 * One question answered in a Slack thread: the assistant's events become ONE message that is
 * posted on the first event and updated in place (chat.update, at most every `updateIntervalMs`)
 * as the text streams, then replaced by the rendered answer; the chart is uploaded into the same
 * thread; in the Assistant container the status and the thread's title are set. Any failure ends
 * as a short apology with a reference id, never silence.
 */
import { randomUUID } from 'node:crypto';
import type { webApi } from '@slack/bolt';
import type { Answer } from '../assistant/answer.ts';
import type { Assistant } from '../assistant/assistant.ts';
import { messageOf } from '../core/coded-error.ts';
import type { Logger } from '../core/logger.ts';
import type { Caller } from '../tools/tool.ts';
import type { RecentAnswers } from './recent-answers.ts';
import { apologyText, renderAnswer, renderStreaming, section } from './render-answer-blocks.ts';
import type { SlackThreadKey, SlackThreadMap } from './slack-thread-map.ts';
import { ThreadMessage } from './thread-message.ts';

type WebClient = webApi.WebClient;

export interface AnswerTarget extends Omit<SlackThreadKey, 'userId'> {
  /** A thread of Slack's Assistant container: status and title go through assistant.threads.*. */
  assistantThread: boolean;
}

export interface AnswerDeps {
  assistant: Assistant;
  threads: SlackThreadMap;
  recent: RecentAnswers;
  log: Logger;
  updateIntervalMs: number;
  now: () => Date;
}

export async function answerInThread(
  deps: AnswerDeps,
  client: WebClient,
  target: AnswerTarget,
  request: { caller: Caller; question: string; requestId: string },
): Promise<Answer | null> {
  const message = new ThreadMessage(client, target, deps.updateIntervalMs);
  const key = { ...target, userId: request.caller.userId };
  let answer: Answer | undefined;
  let threadId: string | null = null;
  try {
    threadId = await deps.threads.find(key);
    if (target.assistantThread) await setStatus(deps, client, target, 'is looking into it...');
    let text = '';
    for await (const event of deps.assistant.ask({ threadId, ...request })) {
      if (event.type === 'status') {
        if (target.assistantThread) await setStatus(deps, client, target, event.message);
        else if (!text) await message.show(renderStreaming('', event.message), false);
      } else if (event.type === 'text') {
        text += event.delta;
        await message.show(renderStreaming(text, null), false);
      } else answer = event.answer;
    }
    if (!answer) throw new Error('the assistant ended without an answer');
    if (answer.kind === 'error') {
      deps.log.warn(
        `Slack answer failed: ${answer.error?.code ?? 'error'} (reference ${answer.error?.referenceId ?? answer.id})`,
      );
    }
    deps.recent.remember(answer);
    await message.show(renderAnswer(answer), true);
  } catch (error) {
    const referenceId = randomUUID().slice(0, 8);
    deps.log.error(`Slack answer failed (reference ${referenceId}): ${messageOf(error)}`);
    const text = apologyText(referenceId);
    await message.show({ text, blocks: [section(text)] }, true).catch((postError: unknown) => {
      deps.log.error(`Could not post the apology (reference ${referenceId}): ${messageOf(postError)}`);
    });
    return null;
  }
  // The answer is shown: what follows may fail without taking it back.
  await afterAnswer(deps, client, target, {
    answer,
    key,
    firstTurn: threadId === null,
    question: request.question,
  });
  return answer;
}

async function afterAnswer(
  deps: AnswerDeps,
  client: WebClient,
  target: AnswerTarget,
  done: { answer: Answer; key: SlackThreadKey; firstTurn: boolean; question: string },
): Promise<void> {
  const { answer } = done;
  if (answer.chart?.png) {
    try {
      await client.filesUploadV2({
        channel_id: target.channelId,
        thread_ts: target.threadTs,
        file: answer.chart.png,
        filename: 'chart.png',
        title: answer.chart.title,
        alt_text: answer.chart.title,
      });
    } catch (error) {
      const referenceId = randomUUID().slice(0, 8);
      deps.log.error(`Slack chart upload failed (reference ${referenceId}): ${messageOf(error)}`);
      await client.chat
        .postMessage({
          channel: target.channelId,
          thread_ts: target.threadTs,
          text: `The chart could not be uploaded (reference ${referenceId}); the figures above are complete.`,
        })
        .catch(() => {});
    }
  }
  try {
    await deps.threads.remember(done.key, answer.threadId, deps.now());
    if (target.assistantThread && done.firstTurn) {
      await client.assistant.threads.setTitle({
        channel_id: target.channelId,
        thread_ts: target.threadTs,
        title: done.question.slice(0, 80),
      });
    }
  } catch (error) {
    deps.log.warn(`Slack thread bookkeeping failed for answer ${answer.id}: ${messageOf(error)}`);
  }
}

/** Best effort: a status that cannot be shown must not stop the answer. */
async function setStatus(deps: AnswerDeps, client: WebClient, target: AnswerTarget, status: string) {
  await client.assistant.threads
    .setStatus({ channel_id: target.channelId, thread_ts: target.threadTs, status: status.slice(0, 100) })
    .catch((error: unknown) => deps.log.warn(`Slack status not set: ${messageOf(error)}`));
}

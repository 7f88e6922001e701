/**
 * One question answered in a Slack thread: the assistant's events become ONE message that is
 * posted on the first event and updated in place (chat.update, at most every `updateIntervalMs`)
 * as the text streams, then replaced by the rendered answer; the chart is uploaded into the same
 * thread; in the Assistant container the status and the thread's title are set. Any failure ends
 * as a short apology with a reference id, never silence.
 */
import { randomUUID } from 'node:crypto';
import type { webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;

import type { Answer } from '../assistant/answer.ts';
import type { Assistant } from '../assistant/assistant.ts';
import { messageOf } from '../core/coded-error.ts';
import type { Logger } from '../core/logger.ts';
import type { Caller } from '../tools/tool.ts';
import type { RecentAnswers } from './recent-answers.ts';
import { apologyText, renderAnswer, renderStreaming, section } from './render-answer-blocks.ts';
import type { SlackMessage } from './slack-message.ts';
import type { SlackThreadKey, SlackThreadMap } from './slack-thread-map.ts';

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
  try {
    const key = { ...target, userId: request.caller.userId };
    const threadId = await deps.threads.find(key);
    if (target.assistantThread) await setStatus(client, target, 'is looking into it...');
    let answer: Answer | undefined;
    let text = '';
    for await (const event of deps.assistant.ask({ threadId, ...request })) {
      if (event.type === 'status') {
        if (target.assistantThread) await setStatus(client, target, event.message);
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
    await message.show(renderAnswer(answer), true);
    if (answer.chart?.png) {
      await client.filesUploadV2({
        channel_id: target.channelId,
        thread_ts: target.threadTs,
        file: answer.chart.png,
        filename: 'chart.png',
        title: answer.chart.title,
        alt_text: answer.chart.title,
      });
    }
    deps.recent.remember(answer);
    await deps.threads.remember(key, answer.threadId, deps.now());
    if (target.assistantThread && threadId === null) {
      await client.assistant.threads.setTitle({
        channel_id: target.channelId,
        thread_ts: target.threadTs,
        title: request.question.slice(0, 80),
      });
    }
    return answer;
  } catch (error) {
    const referenceId = randomUUID().slice(0, 8);
    deps.log.error(`Slack answer failed (reference ${referenceId}): ${messageOf(error)}`);
    const text = apologyText(referenceId);
    await message.show({ text, blocks: [section(text)] }, true).catch((postError: unknown) => {
      deps.log.error(`Could not post the apology (reference ${referenceId}): ${messageOf(postError)}`);
    });
    return null;
  }
}

function setStatus(client: WebClient, target: AnswerTarget, status: string) {
  return client.assistant.threads.setStatus({
    channel_id: target.channelId,
    thread_ts: target.threadTs,
    status: status.slice(0, 100),
  });
}

/** The one message an answer lives in: posted once, then updated in place. */
class ThreadMessage {
  private ts: string | undefined;
  private lastUpdate = 0;
  private pending: SlackMessage | undefined;

  constructor(
    private readonly client: WebClient,
    private readonly target: AnswerTarget,
    private readonly intervalMs: number,
  ) {}

  /** Interim content is throttled (the last one wins); the final content is always written. */
  async show(content: SlackMessage, final: boolean): Promise<void> {
    const channel = this.target.channelId;
    if (!this.ts) {
      const posted = await this.client.chat.postMessage({
        channel,
        thread_ts: this.target.threadTs,
        text: content.text,
        blocks: content.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      this.ts = posted.ts;
      this.lastUpdate = Date.now();
      return;
    }
    this.pending = content;
    if (!final && Date.now() - this.lastUpdate < this.intervalMs) return;
    const next = this.pending;
    this.pending = undefined;
    this.lastUpdate = Date.now();
    await this.client.chat.update({ channel, ts: this.ts, text: next.text, blocks: next.blocks });
  }
}

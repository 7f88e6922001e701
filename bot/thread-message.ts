/**
 * The one message an answer lives in: posted on first use, then updated in place. Interim
 * content is throttled to one update per interval (the latest wins); final content is always
 * written, so a long answer streams into one message instead of many.
 */
import type { webApi } from '@slack/bolt';
import type { SlackMessage } from './slack-message.ts';

type WebClient = webApi.WebClient;

export interface ThreadPlace {
  channelId: string;
  threadTs: string;
}

export class ThreadMessage {
  private ts: string | undefined;
  private lastUpdate = 0;
  private pending: SlackMessage | undefined;

  constructor(
    private readonly client: WebClient,
    private readonly target: ThreadPlace,
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

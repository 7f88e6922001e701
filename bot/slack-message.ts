/** One Slack message as the bot posts or updates it. */
import type { types } from '@slack/bolt';

export interface SlackMessage {
  /** Notification and accessibility fallback: escaped mrkdwn. */
  text: string;
  blocks: types.KnownBlock[];
}

/**
 * The /shoebox slash command: a command has no message to thread under, so the question is posted
 * in the channel and answered in its thread. Where the bot cannot post (a private channel it is not
 * in) or the command is empty, the person gets a private reply through the command's response URL.
 */
import type { App } from '@slack/bolt';
import { handleQuestion, type MessageListenerDeps } from './handle-question.ts';
import { escapeMrkdwn, mentionOf } from './slack-mrkdwn.ts';

export function registerSlashCommand(app: App, deps: MessageListenerDeps): void {
  app.command('/shoebox', async ({ command, ack, client, respond }) => {
    await ack();
    const text = command.text.trim();
    if (!text) {
      // The response URL works in every channel, also where the bot is not a member.
      await respond({
        response_type: 'ephemeral',
        text: `Ask me a question, e.g. \`/shoebox ${escapeMrkdwn(deps.suggestedPrompts[0] ?? 'revenue last month')}\``,
      });
      return;
    }
    // A slash command has no message to thread under: post the question, answer under it.
    const root = await client.chat
      .postMessage({
        channel: command.channel_id,
        text: `${mentionOf(command.user_id)} asked: ${escapeMrkdwn(text)}`,
      })
      .catch((error: unknown) => {
        deps.log.warn(
          `/shoebox could not post in ${command.channel_id}: ${error instanceof Error ? error.message : String(error)}`,
        );
        return null;
      });
    if (!root?.ts) {
      await respond({
        response_type: 'ephemeral',
        text: "I can't post in this conversation. Invite me with `/invite @shoebox`, or ask me in a direct message.",
      });
      return;
    }
    const ts = root.ts;
    await handleQuestion(deps, client, {
      teamId: command.team_id,
      slackUserId: command.user_id,
      channelId: command.channel_id,
      messageTs: ts,
      threadTs: ts,
      text,
      isDm: command.channel_name === 'directmessage' || command.channel_id.startsWith('D'),
      assistantThread: false,
      requestId: `slack:${command.trigger_id}`,
    });
  });
}

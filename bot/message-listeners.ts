/**
 * Where questions come in as messages: app mentions in channels, direct messages, and Slack's
 * Assistant container (suggested prompts when a thread starts, then each message). Each becomes
 * one answer in its thread (handle-question.ts).
 */
import { type App, Assistant } from '@slack/bolt';
import { handleQuestion, type MessageListenerDeps, stripMentions } from './handle-question.ts';

export const SUGGESTED_PROMPTS_TITLE = 'Ask about the business, for example:';

export function registerMessageListeners(app: App, deps: MessageListenerDeps): void {
  app.event('app_mention', async ({ event, body, context, client }) => {
    const text = stripMentions(event.text ?? '');
    if (!text || !event.user) return;
    await handleQuestion(deps, client, {
      teamId: context.teamId ?? String(body.team_id),
      slackUserId: event.user,
      channelId: event.channel,
      messageTs: event.ts,
      threadTs: event.thread_ts ?? event.ts,
      text,
      isDm: false,
      assistantThread: false,
      requestId: `slack:${body.event_id}`,
    });
  });

  app.assistant(
    new Assistant({
      // The thread context (which channel the user is viewing) is not used: no conversations.* reads.
      threadContextStore: { get: async () => ({}), save: async () => {} },
      threadStarted: async ({ setSuggestedPrompts }) => {
        await setSuggestedPrompts({
          title: SUGGESTED_PROMPTS_TITLE,
          prompts: deps.suggestedPrompts.slice(0, 4).map((p) => ({ title: p.slice(0, 75), message: p })),
        });
      },
      threadContextChanged: async () => {},
      userMessage: async ({ message, body, context, client }) => {
        if (!('text' in message) || !message.text || !('user' in message) || !message.user) return;
        await handleQuestion(deps, client, {
          teamId: context.teamId ?? String((body as { team_id?: string }).team_id),
          slackUserId: message.user,
          channelId: message.channel,
          messageTs: message.ts,
          threadTs: ('thread_ts' in message && message.thread_ts) || message.ts,
          text: stripMentions(message.text),
          isDm: true,
          assistantThread: true,
          requestId: `slack:${(body as { event_id?: string }).event_id ?? message.ts}`,
        });
      },
    }),
  );

  // Top-level direct messages (threaded ones in the app's DM are the Assistant container's).
  app.message(async ({ message, body, context, client }) => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || !message.user || !message.text)
      return;
    await handleQuestion(deps, client, {
      teamId: context.teamId ?? String(body.team_id),
      slackUserId: message.user,
      channelId: message.channel,
      messageTs: message.ts,
      threadTs: message.thread_ts ?? message.ts,
      text: stripMentions(message.text),
      isDm: true,
      assistantThread: false,
      requestId: `slack:${body.event_id}`,
    });
  });
}

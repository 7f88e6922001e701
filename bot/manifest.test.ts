/**
 * The manifest asks for exactly what the bot uses: an event for every event listener, a scope for
 * every Web API method it calls (and no more), the slash command it registers, Socket Mode on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const manifest = parse(readFileSync(new URL('./manifest.yaml', import.meta.url), 'utf8'));
const source = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');

describe('bot/manifest.yaml', () => {
  it('subscribes to the events the listeners handle', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      'app_mention',
      'assistant_thread_started',
      'assistant_thread_context_changed',
      'message.im',
    ]);
    const listeners = source('./message-listeners.ts');
    expect(listeners).toContain("app.event('app_mention'");
    expect(listeners).toContain('threadStarted:');
    expect(listeners).toContain('threadContextChanged:');
    expect(listeners).toContain("message.channel_type !== 'im'");
  });

  it('asks for one scope per kind of call the bot makes, and registers /shoebox', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual([
      'app_mentions:read',
      'assistant:write',
      'chat:write',
      'chat:write.public',
      'commands',
      'files:write',
      'im:history',
    ]);
    const code = readdirSync(new URL('.', import.meta.url))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('test-'))
      .map((f) => source(`./${f}`))
      .join('\n')
      // A call chain broken over lines by the formatter: client.assistant.threads\n  .setStatus(
      .replace(/\s*\n\s*\./g, '.');
    const calls = [
      ...new Set([...code.matchAll(/client\.([a-zA-Z0-9]+(?:\.[a-zA-Z0-9]+)*)\(/g)].map((m) => m[1])),
    ].sort();
    expect(calls).toEqual([
      'assistant.threads.setStatus',
      'assistant.threads.setTitle',
      'auth.test', // needs no scope
      'chat.postEphemeral',
      'chat.postMessage',
      'chat.update',
      'filesUploadV2',
      'views.open',
    ]);
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/shoebox']);
    expect(source('./slash-command-listener.ts')).toContain("app.command('/shoebox'");
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });
});

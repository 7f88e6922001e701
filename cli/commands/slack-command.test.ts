/**
 * `shoebox slack`: refuses clearly without the mode's settings, and in HTTP mode serves signed
 * requests on the port until SIGINT, then stops the bot and closes the runtime it opened.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { AssistantRuntime } from '../../assistant/assistant-runtime.ts';
import { createFakeAssistant } from '../../assistant/test-fake-assistant.ts';
import { createMemoryFeedbackStore } from '../../bot/test-feedback-store.ts';
import { startSlackApiStandIn } from '../../bot/test-slack-api-stand-in.ts';
import { signature } from '../../bot/test-slack-requests.ts';
import { openAppDb } from '../../db/app-db.ts';
import { createTestDatabase } from '../../db/test-postgres.ts';
import { createCommandContext } from '../command-context.ts';
import { type RuntimeOpener, registerSlackCommand } from './slack-command.ts';

function run(env: Record<string, string>, args: string[], opener: RuntimeOpener, slackApiUrl?: string) {
  let out = '';
  let err = '';
  const context = createCommandContext(
    {
      stdout: {
        write: (t) => {
          out += t;
          return true;
        },
      },
      stderr: {
        write: (t) => {
          err += t;
          return true;
        },
      },
      env,
      cwd: process.cwd(),
    },
    { verbose: false },
  );
  const program = new Command().exitOverride();
  registerSlackCommand(program, context, opener, slackApiUrl ? { slackApiUrl } : {});
  const done = program.parseAsync(['node', 'shoebox', 'slack', ...args]);
  return { done, output: () => out, errors: () => err };
}

describe('shoebox slack', () => {
  it('names every missing setting of the chosen mode before opening anything', async () => {
    let opened = false;
    const opener: RuntimeOpener = async () => {
      opened = true;
      throw new Error('not reached');
    };
    await expect(run({}, [], opener).done).rejects.toThrow(
      /needs SLACK_BOT_TOKEN \(xoxb-\.\.\.\), SLACK_APP_TOKEN \(xapp-\.\.\., for Socket Mode\)/,
    );
    await expect(run({ SLACK_BOT_TOKEN: 'xoxb-1' }, ['--mode', 'http'], opener).done).rejects.toThrow(
      /HTTP mode needs SLACK_SIGNING_SECRET/,
    );
    expect(opened).toBe(false);
  });

  it('serves signed HTTP events until SIGINT, then closes the runtime', async () => {
    // Postgres, not PGlite: a PGlite open costs seconds on a busy machine.
    const database = await createTestDatabase('slack_cli');
    const appDb = await openAppDb(database.url);
    const api = await startSlackApiStandIn();
    let closed = false;
    const runtime = {
      assistant: createFakeAssistant(() => ({ text: 'ok' })),
      stores: { feedback: createMemoryFeedbackStore(), threads: { getTurn: async () => undefined } },
      ledger: undefined,
      appDb,
      providerName: 'offline',
      close: async () => {
        closed = true;
      },
    } as unknown as AssistantRuntime;
    const env = {
      SLACK_MODE: 'http',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'secret-1',
      SLACK_PORT: '0',
      SHOEBOX_HOME: '/tmp/shoebox-slack-cli',
    };
    const command = run(env, [], async () => runtime, api.apiUrl);
    try {
      let port = '';
      for (let i = 0; i < 200 && !port; i++) {
        port = /\/\/0\.0\.0\.0:(\d+)\/slack\/events/.exec(command.output())?.[1] ?? '';
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      expect(command.output()).toContain('as @shoebox in Cordova, answering with offline');
      const body = JSON.stringify({ type: 'url_verification', challenge: 'xyz' });
      const ts = Math.floor(Date.now() / 1000);
      const url = `http://127.0.0.1:${port}/slack/events`;
      const good = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': signature('secret-1', ts, body),
        },
        body,
      });
      expect(await good.text()).toContain('xyz');
      const bad = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': signature('other', ts, body),
        },
        body,
      });
      expect(bad.status).toBe(401);
    } finally {
      process.emit('SIGINT');
      await command.done;
      await appDb.close();
      await database.drop();
      await api.close();
    }
    expect(closed).toBe(true);
    expect(api.callsOf('auth.test').length).toBeGreaterThanOrEqual(1);
  });

  it('fails at start, naming the token, when Slack refuses it, and closes the runtime', async () => {
    const api = await startSlackApiStandIn();
    let closed = false;
    const runtime = {
      assistant: createFakeAssistant(() => ({ text: 'ok' })),
      stores: { feedback: createMemoryFeedbackStore(), threads: { getTurn: async () => undefined } },
      ledger: undefined,
      appDb: {} as never,
      providerName: 'offline',
      close: async () => {
        closed = true;
      },
    } as unknown as AssistantRuntime;
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-revoked',
      SLACK_APP_TOKEN: 'xapp-1',
      SHOEBOX_HOME: '/tmp/shoebox-slack-cli',
    };
    try {
      await expect(run(env, [], async () => runtime, api.apiUrl).done).rejects.toThrow(
        /^Slack refused the bot token \(.*invalid_auth\); check SLACK_BOT_TOKEN/,
      );
    } finally {
      await api.close();
    }
    expect(closed).toBe(true);
    expect(api.callsOf('apps.connections.open')).toHaveLength(0);
  });
});

/**
 * Identity from the settings: SLACK_USER_ROLES maps Slack users to shoebox users and roles, the
 * unmapped get SLACK_DEFAULT_ROLE (viewer by default), a bad mapping is refused at start; and the
 * text helpers never let data become Slack markup.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.ts';
import { renderTableText } from './render-table-text.ts';
import { isLedgerCommand, slackCallerOf } from './slack-caller.ts';
import { clipMrkdwn, escapeMrkdwn, mentionOf } from './slack-mrkdwn.ts';

const origin = { teamId: 'T1', slackUserId: 'U0FIONA', channelId: 'D1', messageTs: '1.2' };

function identity(env: Record<string, string>) {
  const config = loadConfig({ env, cwd: '/nonexistent-dir-for-config' });
  return { users: config.slack.users, defaultRoles: config.slack.defaultRoles };
}

describe('Slack identity', () => {
  it('maps a configured Slack user to a shoebox user with their roles, and the channel to the caller', () => {
    const id = identity({ SLACK_USER_ROLES: 'U0FIONA=fiona:finance+analyst, U0ANN=ann:viewer' });
    expect(slackCallerOf(id, origin)).toEqual({
      userId: 'fiona',
      roles: ['finance', 'analyst'],
      channel: { kind: 'slack', teamId: 'T1', channelId: 'D1', messageTs: '1.2' },
    });
  });

  it('gives unmapped users the viewer role by default, analyst or nothing when configured', () => {
    expect(slackCallerOf(identity({}), { ...origin, slackUserId: 'U0X' })).toMatchObject({
      userId: 'slack:T1:U0X',
      roles: ['viewer'],
    });
    expect(slackCallerOf(identity({ SLACK_DEFAULT_ROLE: 'analyst' }), origin).roles).toEqual(['analyst']);
    expect(slackCallerOf(identity({ SLACK_DEFAULT_ROLE: 'none' }), origin).roles).toEqual([]);
  });

  it('refuses a malformed mapping or mode at start, naming the setting', () => {
    expect(() => identity({ SLACK_USER_ROLES: 'U0FIONA=fiona:superuser' })).toThrow(
      /SLACK_USER_ROLES .*viewer, analyst, finance or admin/,
    );
    expect(() => identity({ SLACK_MODE: 'webhook' })).toThrow(/SLACK_MODE must be socket or http/);
  });

  it('recognises ledger commands, not questions about expenses', () => {
    for (const text of [
      'record expense 12 for ads',
      'Please record an income of 5',
      'reverse LE00000012',
      'undo the last expense',
    ]) {
      expect(isLedgerCommand(text)).toBe(true);
    }
    for (const text of [
      'what were expenses last month?',
      'record revenue by region',
      'top expense accounts',
    ]) {
      expect(isLedgerCommand(text)).toBe(false);
    }
  });
});

describe('Slack text', () => {
  it('escapes &, < and > and defuses broadcast words', () => {
    expect(escapeMrkdwn('A&B <!here> <@U1> @channel @Everyone x@heresy')).toBe(
      'A&amp;B &lt;!here&gt; &lt;@U1&gt; @\u2060channel @\u2060Everyone x@heresy',
    );
    expect(mentionOf('U0ABC')).toBe('<@U0ABC>');
    expect(mentionOf('<!channel>')).toBe('&lt;!channel&gt;');
    expect(clipMrkdwn('a &amp; b', 6)).toBe('a …');
  });

  it('renders a compact table in a code block, numbers aligned right, cut with a note', () => {
    const text = renderTableText(
      {
        title: 't',
        columns: [
          { name: 'r', label: 'Region', format: 'text', role: 'dimension' },
          { name: 'v', label: 'Revenue', format: 'currency', role: 'metric' },
          { name: 's', label: 'Share', format: 'percent', role: 'share' },
        ],
        rows: [
          ['North', 1234567, 0.125],
          ['South `x`', 12.5, null],
          ['West', 1, 0],
        ],
        totalRows: 40,
        truncated: true,
      },
      2,
    );
    expect(text).toBe(
      [
        '```',
        'Region        Revenue  Share',
        '---------  ----------  -----',
        'North      $1,234,567  12.5%',
        'South ˋxˋ      $12.50      –',
        '(showing 2 of 40 rows)',
        '```',
      ].join('\n'),
    );
  });
});

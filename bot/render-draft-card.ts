/**
 * A ledger draft as a Block Kit card with Confirm and Cancel buttons carrying the draft's id, and
 * the card's later states: posted (with the entry number) or cancelled, buttons removed.
 */
import type { types } from '@slack/bolt';
import type { DraftCard } from '../ledger/ledger-drafts.ts';
import type { PostedEntry } from '../ledger/read-entries.ts';
import { ActionId } from './slack-actions-ids.ts';
import type { SlackMessage } from './slack-message.ts';
import { escapeMrkdwn, mentionOf } from './slack-mrkdwn.ts';

function cardFields(card: DraftCard): types.MrkdwnElement[] {
  const field = (label: string, value: string) => ({
    type: 'mrkdwn' as const,
    text: `*${label}*\n${escapeMrkdwn(value)}`,
  });
  return [
    field('Amount', card.amount),
    field('Date', card.entryDate),
    field('Debit', `${card.debit.code} ${card.debit.name}`),
    field('Credit', `${card.credit.code} ${card.credit.name}`),
    field('Counterparty', card.counterparty ?? '–'),
    field('Memo', card.memo || '–'),
  ];
}

function heading(card: DraftCard, state: string): types.SectionBlock {
  const kind = card.kind.replace(/_/g, ' ');
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: `*${state}: ${escapeMrkdwn(kind)} of ${escapeMrkdwn(card.amount)}*` },
  };
}

export function renderDraftCard(card: DraftCard, intro: string): SlackMessage {
  const value = card.draftId;
  const blocks: types.KnownBlock[] = [
    heading(card, 'Draft'),
    { type: 'section', fields: cardFields(card) },
    {
      type: 'actions',
      block_id: `draft_${card.draftId}`,
      elements: [
        {
          type: 'button',
          action_id: ActionId.confirmDraft,
          style: 'primary',
          value,
          text: { type: 'plain_text', text: 'Confirm' },
        },
        {
          type: 'button',
          action_id: ActionId.cancelDraft,
          style: 'danger',
          value,
          text: { type: 'plain_text', text: 'Cancel' },
        },
      ],
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Nothing is posted until someone in finance confirms. Draft ${escapeMrkdwn(card.draftId)}`,
        },
      ],
    },
  ];
  const text = `${escapeMrkdwn(intro || 'Please confirm this entry.')} Draft ${escapeMrkdwn(card.amount)}: Confirm or Cancel.`;
  return { text, blocks };
}

/** Shows the entry's author (whoever confirmed first), so a second click rewrites the same card. */
export function renderPostedCard(card: DraftCard, entry: PostedEntry): SlackMessage {
  const by = escapeMrkdwn(entry.createdBy);
  const text = `Posted ${escapeMrkdwn(entry.entryNumber)}: ${escapeMrkdwn(card.amount)}, confirmed by ${by}.`;
  return {
    text,
    blocks: [
      heading(card, `:white_check_mark: Posted ${escapeMrkdwn(entry.entryNumber)}`),
      { type: 'section', fields: cardFields(card) },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `Confirmed by ${by} · entry ${escapeMrkdwn(entry.entryNumber)} dated ${escapeMrkdwn(entry.entryDate)}`,
          },
        ],
      },
    ],
  };
}

export function renderCancelledCard(card: DraftCard, slackUserId: string): SlackMessage {
  const text = `Cancelled the draft of ${escapeMrkdwn(card.amount)}; nothing was posted.`;
  return {
    text,
    blocks: [
      heading(card, ':no_entry_sign: Cancelled'),
      { type: 'section', fields: cardFields(card) },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `Cancelled by ${mentionOf(slackUserId)}; nothing was posted.` }],
      },
    ],
  };
}

/**
 * An Answer as one Slack message: its text (escaped mrkdwn), a compact table in a code block, the
 * data freshness, and buttons for "How I got this" and thumbs up or down. A draft renders as its
 * confirmation card, an error as a short apology with the reference id. The chart goes separately
 * (files.uploadV2 into the same thread).
 */
import type { types } from '@slack/bolt';
import type { Answer, AnswerFreshness } from '../assistant/answer.ts';
import { renderDraftCard } from './render-draft-card.ts';
import { renderTableText } from './render-table-text.ts';
import { ActionId } from './slack-actions-ids.ts';
import type { SlackMessage } from './slack-message.ts';
import { clipMrkdwn, escapeMrkdwn } from './slack-mrkdwn.ts';

export function apologyText(referenceId: string): string {
  return `Sorry, something went wrong while answering. If it keeps happening, quote reference ${escapeMrkdwn(referenceId)}.`;
}

export function renderAnswer(answer: Answer): SlackMessage {
  if (answer.kind === 'draft' && answer.draft) return renderDraftCard(answer.draft, answer.text);
  if (answer.kind === 'error') {
    const text = apologyText(answer.error?.referenceId ?? answer.id);
    return { text, blocks: [section(text)] };
  }
  const text = escapeMrkdwn(answer.text);
  const blocks: types.KnownBlock[] = splitMrkdwn(text).map(section);
  if (answer.table && answer.table.rows.length > 0) {
    blocks.push(
      section(clipMrkdwn(`*${escapeMrkdwn(answer.table.title)}*\n${renderTableText(answer.table)}`)),
    );
  }
  if (answer.suggestions.length > 0) {
    const tries = answer.suggestions.map((s) => `• ${escapeMrkdwn(s)}`).join('\n');
    blocks.push(
      section(clipMrkdwn(`${answer.kind === 'answer' ? 'You could also ask:' : 'Try:'}\n${tries}`)),
    );
  }
  const fresh = freshnessLine(answer.provenance?.freshness ?? []);
  if (fresh) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: fresh }] });
  blocks.push({ type: 'actions', block_id: `answer_${answer.id}`.slice(0, 255), elements: buttons(answer) });
  return { text: clipMrkdwn(text, 3000), blocks };
}

function buttons(answer: Answer): types.ActionsBlockElement[] {
  const value = answer.id.slice(0, 2000);
  const elements: types.ActionsBlockElement[] = [];
  if (answer.provenance) {
    elements.push({
      type: 'button',
      action_id: ActionId.provenance,
      text: { type: 'plain_text', text: 'How I got this' },
      value,
    });
  }
  elements.push(
    {
      type: 'button',
      action_id: ActionId.feedbackUp,
      text: { type: 'plain_text', text: '👍', emoji: true },
      value,
    },
    {
      type: 'button',
      action_id: ActionId.feedbackDown,
      text: { type: 'plain_text', text: '👎', emoji: true },
      value,
    },
  );
  return elements;
}

/** "Data: sales loaded 2026-06-30 06:00 UTC (6 h ago)"; null when nothing is known. */
export function freshnessLine(freshness: AnswerFreshness[]): string | null {
  if (freshness.length === 0) return null;
  const parts = freshness.map((f) => {
    const source = escapeMrkdwn(f.source);
    if (!f.lastLoadedAt) return `${source} never loaded`;
    const at = f.lastLoadedAt.replace('T', ' ').slice(0, 16);
    const lag = f.lagHours === null ? '' : ` (${formatLag(f.lagHours)} ago)`;
    return `${source} loaded ${escapeMrkdwn(at)} UTC${lag}`;
  });
  return `:clock3: Data: ${parts.join('; ')}`;
}

function formatLag(hours: number): string {
  return hours < 48 ? `${Math.round(hours)} h` : `${Math.round(hours / 24)} days`;
}

/** Long text in several sections (Slack allows 3,000 characters each), cut at spaces, at most 10. */
export function splitMrkdwn(text: string, size = 2900, most = 10): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > size && parts.length < most - 1) {
    let cut = rest.lastIndexOf(' ', size);
    if (cut < size / 2) cut = size;
    while (/&[a-z]*$/.test(rest.slice(0, cut)) && cut > 0) cut -= 1;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  parts.push(clipMrkdwn(rest, size));
  return parts;
}

export function section(mrkdwn: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: mrkdwn } };
}

/** What the placeholder message shows while the answer streams in. */
export function renderStreaming(text: string, status: string | null): SlackMessage {
  const body = text ? escapeMrkdwn(text) : `_${escapeMrkdwn(status ?? 'Working on it...')}_`;
  return { text: clipMrkdwn(body, 3000), blocks: [section(clipMrkdwn(`${body} …`))] };
}

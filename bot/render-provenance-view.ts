/**
 * "How I got this" as a modal: the metrics and their definitions, filters, period, comparison,
 * the SQL with its parameters, the data freshness and who answered (provider, tools).
 */
import type { types } from '@slack/bolt';
import type { Provenance } from '../assistant/answer.ts';
import { freshnessLine, section } from './render-answer-blocks.ts';
import { clipMrkdwn, escapeCodeBlock, escapeMrkdwn } from './slack-mrkdwn.ts';

export function renderProvenanceBlocks(provenance: Provenance): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [];
  const metrics = provenance.metrics.map(
    (m) =>
      `• *${escapeMrkdwn(m.label)}* (\`${escapeCodeBlock(m.name)}\`): ${escapeMrkdwn(m.definition || m.description)}`,
  );
  if (metrics.length) blocks.push(section(clipMrkdwn(`*Metrics*\n${metrics.join('\n')}`)));
  const period = provenance.period
    ? `${escapeMrkdwn(provenance.period.label)} (${escapeMrkdwn(provenance.period.start)} to ${escapeMrkdwn(provenance.period.end)})`
    : 'all time';
  const filters = provenance.filters.length ? provenance.filters.map(escapeMrkdwn).join('; ') : 'none';
  const lines = [`*Period:* ${period}`, `*Filters:* ${filters}`];
  if (provenance.comparison) lines.push(`*Compared:* ${escapeMrkdwn(provenance.comparison)}`);
  blocks.push(section(clipMrkdwn(lines.join('\n'))));
  provenance.sql.forEach((sql, i) => {
    const params = sql.params.length ? `\n-- params: ${JSON.stringify(sql.params)}` : '';
    blocks.push(
      section(clipMrkdwn(`*SQL ${i + 1}*\n\`\`\`\n${escapeCodeBlock(`${sql.text}${params}`)}\n\`\`\``)),
    );
  });
  const fresh = freshnessLine(provenance.freshness);
  const by = `Answered by ${escapeMrkdwn(provenance.provider)}${provenance.tools.length ? ` with ${provenance.tools.map(escapeMrkdwn).join(', ')}` : ''}`;
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: fresh ? `${fresh} · ${by}` : by }] });
  return blocks.slice(0, 100);
}

export function renderProvenanceView(provenance: Provenance): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'How I got this' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: renderProvenanceBlocks(provenance),
  };
}

/**
 * The Block Kit the bot sends: docs/slack/*.blocks.json is exactly what renderAnswer and
 * renderDraftCard produce today (regenerate with `npx tsx bot/write-slack-preview.ts`), and a
 * long answer stays within Slack's limits (3,000 characters a section, 50 blocks a message).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderAnswer } from './render-answer-blocks.ts';
import { renderDraftCard } from './render-draft-card.ts';
import { renderProvenanceView } from './render-provenance-view.ts';
import { SAMPLE_DRAFT, sampleAnswer } from './write-slack-preview.ts';

const doc = (name: string) =>
  JSON.parse(readFileSync(new URL(`../docs/slack/${name}`, import.meta.url), 'utf8'));

describe('Block Kit rendering', () => {
  it('matches the JSON shown in docs/slack', () => {
    const message = renderAnswer(sampleAnswer(null, '', {}));
    expect({ text: message.text, blocks: message.blocks }).toEqual(doc('threaded-answer.blocks.json'));
    const card = renderDraftCard(SAMPLE_DRAFT, 'Here is the entry; please confirm it.');
    expect({ text: card.text, blocks: card.blocks }).toEqual(doc('draft-card.blocks.json'));
  });

  it('keeps a long answer and its provenance within Slack limits', () => {
    const base = sampleAnswer(null, '', {});
    const long = {
      ...base,
      text: 'x & y '.repeat(1000),
      table: base.table && {
        ...base.table,
        rows: Array.from({ length: 500 }, (_, i) => [`R${i}`, i, i]),
        totalRows: 500,
      },
    };
    const message = renderAnswer(long);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const block of message.blocks) {
      if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    }
    expect(JSON.stringify(message.blocks)).toContain('(showing 12 of 500 rows)');
    // The text is kept in several sections, cut between words and never inside an escape.
    const sections = message.blocks
      .filter((b) => b.type === 'section')
      .map((b) => (b as { text: { text: string } }).text.text)
      .filter((t) => t.startsWith('x &amp;'));
    expect(sections.length).toBe(4);
    expect(sections.every((t) => /^(x &amp; y ?)+$/.test(t.trim()))).toBe(true);
    expect(sections.join(' ').trim() === 'x &amp; y '.repeat(1000).trim()).toBe(true);
    if (!base.provenance) throw new Error('the sample answer has provenance');
    const view = renderProvenanceView({
      ...base.provenance,
      sql: [{ text: 'SELECT 1 '.repeat(1000), params: [] }],
    });
    for (const block of view.blocks as { text?: { text: string } }[]) {
      expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    }
  });
});

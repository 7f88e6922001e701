/**
 * A picture of a Slack thread for the docs: the question, then the bot's reply rendered from its
 * Block Kit JSON (sections, fields, code blocks, context, buttons) and the uploaded chart, as an
 * SVG that sharp turns into a PNG. An approximation of Slack's look, not Slack's renderer.
 */
import type { types } from '@slack/bolt';
import type { SlackMessage } from './slack-message.ts';

const WIDTH = 820;
const LEFT = 72;
const LINE = 21;
const CHARS = 88;

interface Cursor {
  y: number;
  out: string[];
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Slack's escapes back to characters, emoji codes and button emoji to what DejaVu can draw. */
function shown(mrkdwn: string): string {
  return mrkdwn
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u2060/g, '')
    .replace(/:clock3:/g, '◷')
    .replace(/:white_check_mark:/g, '✔')
    .replace(/:no_entry_sign:/g, '⊘')
    .replace(/👍/g, '+1')
    .replace(/👎/g, '-1');
}

function wrap(line: string, width = CHARS): string[] {
  const words = line.split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && `${current} ${word}`.length > width) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  return [...lines, current];
}

/** One line of mrkdwn with *bold* spans as tspans. */
function richLine(text: string, x: number, y: number, size = 15, fill = '#1d1c1d'): string {
  const spans = text.split(/(\*[^*]+\*)/g).filter(Boolean);
  const body = spans
    .map((s) =>
      s.startsWith('*') && s.endsWith('*')
        ? `<tspan font-weight="bold">${xml(s.slice(1, -1))}</tspan>`
        : xml(s),
    )
    .join('');
  return `<text x="${x}" y="${y}" font-size="${size}" fill="${fill}" xml:space="preserve">${body}</text>`;
}

function mrkdwn(cursor: Cursor, text: string, x = LEFT, size = 15, fill = '#1d1c1d'): void {
  const parts = shown(text).split(/```\n?/);
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      const lines = part.replace(/\n$/, '').split('\n');
      const height = lines.length * 18 + 14;
      cursor.out.push(
        `<rect x="${x}" y="${cursor.y - 12}" width="${WIDTH - x - 24}" height="${height}" rx="4" fill="#f8f8f8" stroke="#dddddd"/>`,
      );
      for (const line of lines) {
        cursor.out.push(
          `<text x="${x + 10}" y="${cursor.y + 6}" font-family="DejaVu Sans Mono" font-size="13" fill="#1d1c1d" xml:space="preserve">${xml(line)}</text>`,
        );
        cursor.y += 18;
      }
      cursor.y += 22;
      return;
    }
    for (const raw of part.split('\n').filter((l, j, all) => l !== '' || j < all.length - 1)) {
      for (const line of wrap(raw, Math.floor(CHARS * (15 / size)))) {
        cursor.out.push(richLine(line, x, cursor.y, size, fill));
        cursor.y += size === 15 ? LINE : 18;
      }
    }
  });
}

function block(cursor: Cursor, b: types.KnownBlock): void {
  if (b.type === 'section') {
    if (b.text) mrkdwn(cursor, b.text.text);
    if (b.fields) {
      const rows = Math.ceil(b.fields.length / 2);
      for (let r = 0; r < rows; r++) {
        const top = cursor.y;
        let bottom = top;
        for (let c = 0; c < 2; c++) {
          const field = b.fields[r * 2 + c];
          if (!field) continue;
          const sub: Cursor = { y: top, out: cursor.out };
          mrkdwn(sub, field.text, LEFT + c * 330);
          bottom = Math.max(bottom, sub.y);
        }
        cursor.y = bottom + 6;
      }
    }
    cursor.y += 6;
  } else if (b.type === 'context') {
    for (const e of b.elements) if ('text' in e) mrkdwn(cursor, e.text, LEFT, 12.5, '#616061');
    cursor.y += 6;
  } else if (b.type === 'actions') {
    let x = LEFT;
    for (const e of b.elements) {
      if (e.type !== 'button') continue;
      const label = shown(e.text.text);
      const w = label.length * 8.5 + 28;
      const [fill, stroke, color] =
        e.style === 'primary'
          ? ['#007a5a', '#007a5a', '#ffffff']
          : e.style === 'danger'
            ? ['#ffffff', '#e01e5a', '#e01e5a']
            : ['#ffffff', '#c7c7c7', '#1d1c1d'];
      cursor.out.push(
        `<rect x="${x}" y="${cursor.y - 18}" width="${w}" height="30" rx="5" fill="${fill}" stroke="${stroke}"/>`,
      );
      cursor.out.push(
        `<text x="${x + w / 2}" y="${cursor.y + 2}" font-size="14" font-weight="bold" fill="${color}" text-anchor="middle">${xml(label)}</text>`,
      );
      x += w + 10;
    }
    cursor.y += 34;
  }
}

function author(
  cursor: Cursor,
  name: string,
  initials: string,
  color: string,
  app: boolean,
  time: string,
): void {
  cursor.out.push(`<rect x="20" y="${cursor.y - 14}" width="38" height="38" rx="6" fill="${color}"/>`);
  cursor.out.push(
    `<text x="39" y="${cursor.y + 11}" font-size="15" font-weight="bold" fill="#fff" text-anchor="middle">${xml(initials)}</text>`,
  );
  const badge = app ? `<tspan dx="8" font-size="11" fill="#616061">APP</tspan>` : '';
  cursor.out.push(
    `<text x="${LEFT}" y="${cursor.y}" font-size="15" font-weight="bold" fill="#1d1c1d">${xml(name)}${badge}<tspan dx="8" font-size="12" font-weight="normal" fill="#616061">${xml(time)}</tspan></text>`,
  );
  cursor.y += LINE + 2;
}

export interface ThreadPreview {
  question: { user: string; text: string };
  reply: SlackMessage;
  chart: { png: Buffer; title: string; width: number; height: number } | null;
}

export function renderThreadPreviewSvg(preview: ThreadPreview): string {
  const cursor: Cursor = { y: 36, out: [] };
  cursor.out.push(
    `<text x="20" y="${cursor.y}" font-size="17" font-weight="bold" fill="#1d1c1d">Thread</text>`,
  );
  cursor.y += 36;
  author(
    cursor,
    preview.question.user,
    preview.question.user.slice(0, 1).toUpperCase(),
    '#4a6fa5',
    false,
    '9:41 AM',
  );
  mrkdwn(cursor, preview.question.text);
  cursor.y += 16;
  cursor.out.push(
    `<line x1="20" x2="${WIDTH - 20}" y1="${cursor.y - 12}" y2="${cursor.y - 12}" stroke="#e8e8e8"/>`,
  );
  cursor.y += 14;
  author(cursor, 'shoebox', 'sb', '#1f3a5f', true, '9:41 AM');
  for (const b of preview.reply.blocks) block(cursor, b);
  if (preview.chart) {
    cursor.y += 6;
    author(cursor, 'shoebox', 'sb', '#1f3a5f', true, '9:41 AM');
    mrkdwn(cursor, `*${preview.chart.title}*  (chart.png)`, LEFT, 12.5, '#616061');
    const w = Math.min(WIDTH - LEFT - 40, preview.chart.width);
    const h = Math.round((preview.chart.height / preview.chart.width) * w);
    cursor.out.push(
      `<image x="${LEFT}" y="${cursor.y - 6}" width="${w}" height="${h}" href="data:image/png;base64,${preview.chart.png.toString('base64')}"/>`,
    );
    cursor.out.push(
      `<rect x="${LEFT}" y="${cursor.y - 6}" width="${w}" height="${h}" fill="none" stroke="#dddddd" rx="4"/>`,
    );
    cursor.y += h + 10;
  }
  const height = cursor.y + 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="DejaVu Sans, Liberation Sans, sans-serif"><rect width="100%" height="100%" fill="#ffffff"/>${cursor.out.join('')}</svg>`;
}

/**
 * Text from the data (a product name, a counterparty, a memo) must never become Slack markup: &, <
 * and > are escaped as Slack asks (so "<!channel>", "<@U123>" and links cannot be injected), and
 * the bare words @channel, @here and @everyone get a zero-width joiner so no client or
 * `link_names` setting turns them into a broadcast.
 */
const BROADCAST = /@(channel|here|everyone)\b/gi;

export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCAST, '@\u2060$1');
}

/** Inside a ``` block: escaped like text, and backticks cannot close the block early. */
export function escapeCodeBlock(text: string): string {
  return escapeMrkdwn(text).replace(/`/g, '\u02cb');
}

/** Plain text fields (buttons, modal titles) take no markup; only their length is limited. */
export function plainText(text: string, max: number): string {
  const flat = text.replace(BROADCAST, '@\u2060$1');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Cuts mrkdwn to Slack's section limit without splitting an escape such as &amp;. */
export function clipMrkdwn(text: string, max = 2900): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1).replace(/&[a-z]*$/, '');
  return `${cut}…`;
}

/** A mention of a Slack user id taken from Slack's payload; anything unexpected is shown as text. */
export function mentionOf(slackUserId: string): string {
  return /^[UW][A-Z0-9]{2,20}$/.test(slackUserId) ? `<@${slackUserId}>` : escapeMrkdwn(slackUserId);
}

import { CodedError, ErrorCode } from '../core/coded-error.ts';

/**
 * Vega escapes text and attributes it writes, so labels from the data ("<script>", quotes) come
 * out as text. This is the second lock: an SVG about to be inlined in a page or handed to
 * librsvg must hold no script, no event handler, no link and no foreign HTML.
 */
const FORBIDDEN: [RegExp, string][] = [
  [/^<\s*script/i, 'a script element'],
  [/^<\s*foreignObject/i, 'foreign content'],
  [/^<\s*(?:iframe|object|embed|image|use|style|animate|set)\b/i, 'an element charts never use'],
  [/\son[a-z]+\s*=/i, 'an event handler attribute'],
  [/\s(?:xlink:)?href\s*=/i, 'a link'],
  [/^<!/, 'a declaration'],
];

/** Checks every tag (text between tags is escaped by Vega and harmless, whatever it says). */
export function assertSafeSvg(svg: string): void {
  // Attribute values are escaped text too: blank them so only names and elements are judged.
  const tags = (svg.match(/<[^>]*>/g) ?? []).map((tag) => tag.replace(/"[^"]*"|'[^']*'/g, '""'));
  for (const [pattern, what] of FORBIDDEN) {
    if (tags.some((tag) => pattern.test(tag))) {
      throw new CodedError(
        ErrorCode.BadArgument,
        `The rendered chart contains ${what}; it was refused. Chart specs must not carry links or markup.`,
      );
    }
  }
}

/**
 * Greetings and requests for help on their own ("hi", "help", "what can you do?"): the question
 * is nothing but such phrases and filler. "Help me find the top stores" is a question and passes.
 */
const PHRASES = [
  'good (?:morning|afternoon|evening|day)',
  'hi+',
  'hello+',
  'hey+',
  'hiya',
  'howdy',
  'greetings',
  'yo',
  'thanks?(?: you)?',
  'cheers',
  'help(?: me)?',
  'i need help',
  'can you help(?: me)?',
  'what (?:can|could|do|should) (?:you|i) (?:do|ask|ask you|help (?:me )?with|use you for)(?: for (?:me|us))?',
  'what (?:are|is) (?:you|this|shoebox)',
  'who are you',
  'how (?:does|do) (?:this|it|you|shoebox) work',
  'how (?:do|can|should) i (?:use|start|begin)(?: this| you| it| shoebox)?',
  'what (?:questions|things|kind of questions) can i ask(?: you)?',
  '(?:show me |give me |any )?(?:some )?examples?',
  'getting started',
  'get started',
  'where do i start',
  'menu',
  'commands',
  'options',
  'about',
  'start',
];
const FILLER =
  '(?:there|please|pls|assistant|shoebox|bot|team|everyone|all|ok|okay|so|and|then|now|again|me|you|here|mate|friend|sir|madam)';

const HELP_ONLY = new RegExp(`^(?:(?:${PHRASES.join('|')}|${FILLER})\\b\\s*)+$`);

export function isHelpRequest(text: string): boolean {
  const words = text
    .replace(/[^\p{L}\p{N}'\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (words.length === 0) return false;
  // Filler alone ("ok", "you") is not a request for help.
  return HELP_ONLY.test(words) && !new RegExp(`^(?:${FILLER}\\s*)+$`).test(words);
}

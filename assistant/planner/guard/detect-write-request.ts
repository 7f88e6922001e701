/**
 * Requests to change stored data or permissions. SQL statements are recognised anywhere; plain
 * words only as a command (a verb at the start of a sentence or after "please", "can you", ...)
 * whose object is data ("delete the rows", "change the figures"), so "why did returns drop" and
 * "update me on revenue" pass. Recording income or expenses is not a write request here: the
 * ledger has its own confirm flow.
 */
const SQL_WRITE = [
  /\b(?:drop|truncate|alter|create|rename)\s+(?:table|database|schema|view|index|column|user|role|function|procedure)\b/,
  /\bdelete\s+from\s+[\w."]+/,
  /\binsert\s+into\s+[\w."]+/,
  /\bupdate\s+[\w."]+\s+set\s+[\w."]+\s*=/,
  /\bgrant\s+(?:all|select|insert|update|delete|admin|\w+\s+privileges)\b/,
  /;\s*(?:drop|delete|update|insert|alter|truncate|grant)\b/,
];

const LEDGER_ENTRY =
  /^\s*(?:please\s+)?(?:(?:record|log|enter|book|add)\s+(?:a\s+|an\s+|the\s+|new\s+)*(?:expense|income|payment|sale|refund|receipt|transfer)|(?:i|we)\s+paid\b|paid\b|pay\b|transfer(?:red)?\b)/;

const COMMAND_START =
  "(?:^|[.!?;:]\\s*|\\b(?:please|pls|kindly|can\\s+you|could\\s+you|would\\s+you|will\\s+you|i\\s+(?:want|need)\\s+(?:you\\s+)?to|let'?s|go\\s+and|now|just|then|and)\\s+)";
// Destructive verbs take any data noun; softer ones ("replace the table with a chart", "fix the
// chart") only nouns that mean stored figures.
const STRONG_VERBS =
  '(?:drop|delete|remove|erase|wipe|purge|destroy|truncate|overwrite|insert|update|alter|falsify|fudge)';
const SOFT_VERBS = '(?:clear|modify|edit|change|fix|correct|adjust|rewrite|tweak|reset|replace)';
// The words between verb and object may not be these: "update me on", "change in", "drop by".
const NOT_BETWEEN =
  '(?!(?:me|us|on|about|in|for|with|why|how|what|when|to|from|by|of|over|after|during|since)\\b)';
const FIGURES =
  '(?:rows?|records?|data|dataset|figures|numbers|values|entries|amounts?|totals?|ledger|books|database|db)';
const DATA_NOUNS = `(?:${FIGURES}|tables?|databases?|schemas?|columns?|warehouse|history|logs?|transactions?)`;
const BETWEEN = `(?:${NOT_BETWEEN}[\\w'-]+\\s+){0,3}`;
const COMMAND = new RegExp(
  `${COMMAND_START}(?:${STRONG_VERBS}\\s+${BETWEEN}${DATA_NOUNS}|${SOFT_VERBS}\\s+${BETWEEN}${FIGURES})\\b`,
);

// "set revenue to 0", "add a row to the table", "make the numbers look better".
const OTHER_COMMANDS = [
  new RegExp(`${COMMAND_START}set\\s+(?:[\\w'-]+\\s+){1,4}?to\\s+(?:[$£€]?\\d|zero|nil|null|nothing|blank)`),
  new RegExp(
    `${COMMAND_START}(?:add|append)\\s+(?:(?:a|an|one|some|new|\\d+)\\s+)*(?:rows?|records?|entries)\\s+(?:to|into)\\b`,
  ),
  /\b(?:make|get)\s+(?:[\w'-]+\s+){0,3}?(?:figures|numbers|results|books|revenue|sales|profits?)\s+look\s+(?:better|good|bigger|higher|healthier|nicer)\b/,
  /\b(?:cook|massage|doctor|manipulate|inflate|pad)\s+(?:the\s+|our\s+|my\s+)?(?:books|figures|numbers|results|accounts)\b/,
];

const PERMISSIONS = [
  /\b(?:grant|give|make)\s+me\s+(?:an?\s+)?(?:admin|administrator|root|superuser|owner|full)\b/,
  /\b(?:make|promote|elevate)\s+(?:me|my\s+(?:role|account|permissions?|privileges?))\s+(?:to\s+|an?\s+)?(?:admin|administrator|owner|superuser)\b/,
  /\b(?:change|upgrade|raise|elevate)\s+my\s+(?:role|permissions?|privileges?|access\s+level)\b/,
  /\b(?:disable|bypass|turn\s+off)\s+(?:the\s+)?(?:read[\s-]?only|permissions?|access\s+checks?|security)\b/,
];

export function isWriteRequest(text: string): boolean {
  if (SQL_WRITE.some((p) => p.test(text))) return true;
  if (PERMISSIONS.some((p) => p.test(text))) return true;
  if (LEDGER_ENTRY.test(text)) return false;
  return COMMAND.test(text) || OTHER_COMMANDS.some((p) => p.test(text));
}

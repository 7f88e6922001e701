/**
 * Attempts to change the assistant's instructions or read them: "ignore previous instructions",
 * "you are now", "act as", "developer mode", "reveal your prompt", role markers ("system:") and
 * such instructions quoted inside a question.
 */
const INSTRUCTION_NOUNS =
  '(?:instructions?|rules|prompts?|guidelines|directions|directives|guardrails|restrictions|programming|context|constraints)';

const PATTERNS = [
  new RegExp(
    `\\b(?:ignore|disregard|forget|override|bypass|skip|drop)\\s+(?:(?:all|any|every|each|your|the|my|of|previous|prior|above|earlier|preceding|former|initial|original|system|existing|these|those|safety)\\s+)*${INSTRUCTION_NOUNS}\\b`,
  ),
  /\byou\s+are\s+(?:now|no\s+longer)\b/,
  /\bfrom\s+now\s+on,?\s+(?:you|act|pretend|respond|answer\s+as)\b/,
  /\b(?:pretend|imagine)\s+(?:to\s+be|you\s*(?:'re|are))\b/,
  /\b(?:act|behave|respond|roleplay|role-play)\s+(?:as|like)\s+(?:a|an|the|my)\b/,
  /\b(?:developer|dev|god|debug|admin|jailbreak|dan|unrestricted)\s+mode\b/,
  /\bjailbreak|\bdo\s+anything\s+now\b/,
  /\bsystem\s+(?:prompt|message|instructions?)\b/,
  new RegExp(
    `\\b(?:reveal|show|print|repeat|display|output|leak|dump|tell\\s+me|what\\s+(?:is|are)|what's|give\\s+me|share)\\s+(?:me\\s+)?(?:your\\s+|the\\s+(?=initial|original|hidden|secret|internal|system))(?:(?:initial|original|hidden|secret|full|exact|internal|system)\\s+)*(?:${INSTRUCTION_NOUNS}|configuration|setup)\\b`,
  ),
  /\b(?:new|updated|real|actual)\s+instructions?\s*:\s*(?:you|ignore|forget|from\s+now)/,
  /\b(?:repeat|print|output|show|reveal|display)\s+(?:me\s+)?(?:the\s+|all\s+)?(?:text|words|everything|content|messages?)\s+(?:above|before\s+this|so\s+far)\b/,
  /(?:^|\n|["'`[<(])\s*(?:system|assistant|developer)\s*[:>\]]/,
  /<\/?\s*(?:system|instructions?|prompt)\s*>/,
  /#{2,}\s*(?:instruction|system)/,
];

export function isInjection(text: string): boolean {
  return PATTERNS.some((p) => p.test(text));
}

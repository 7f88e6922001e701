/**
 * Requests for another person's conversations, drafts or account: "Maria's chat history", "what
 * did user 42 ask", "other users' expense drafts", "log in as Sam". Business data owned by a
 * store or a customer ("the store's sales history") is not personal and passes. Names are told
 * from words by their capital letter in the question as written.
 */
const PERSONAL =
  '(?:chats?|conversations?|threads?|(?:chat|conversation|search|question|query|message|login|browsing)\\s+history|drafts?|messages?|prompts?|passwords?|inbox)';
/** What someone asked: personal only when a person or a user is named as its owner. */
const PRIVATE_THINGS = `(?:${PERSONAL}|questions?|quer(?:y|ies)|searches)`;

const OTHERS =
  "(?:other\\s+(?:users?|people|persons?|employees|managers|staff|colleagues|members)|another\\s+(?:user|person|employee|manager|colleague|member)|some(?:one|body)\\s+else|every(?:one|body)(?:\\s+else)?|all\\s+(?:the\\s+)?(?:users|members|employees))(?:'s|'|s')?";

const GENERIC_OWNERS =
  /^(?:my|our|your|the|this|that|its|their|his|her|company|team|store|shop|ledger|customer|client|supplier|business|today|yesterday|year|month|week|quarter)$/i;

const MONTHS_AND_DAYS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)$/i;

function isPersonName(word: string): boolean {
  return /^\p{Lu}[\p{L}.-]+$/u.test(word) && !MONTHS_AND_DAYS.test(word) && !GENERIC_OWNERS.test(word);
}

/** `text` is the normalised question (lower case); `written` keeps its capitals for names. */
export function isOtherUserRequest(text: string, written: string): boolean {
  const others = new RegExp(
    `\\b${OTHERS}\\s+(?:[\\w'-]+\\s+){0,2}?(?:${PRIVATE_THINGS}|expenses?\\s+drafts?|drafts?|data|expenses)\\b`,
  );
  if (others.test(text)) return true;
  const othersAsking = new RegExp(
    `\\b${OTHERS}\\s+(?:are\\s+|were\\s+|have\\s+(?:been\\s+)?|had\\s+)?(?:asking|asked|searching|searched|typing|typed)\\b`,
  );
  if (othersAsking.test(text)) return true;
  if (
    /\b(?:impersonate|(?:log|sign)\s*(?:in|on)\s+as|switch\s+(?:to|into)\s+[\w.-]+(?:'s)?\s+account)\b/.test(
      text,
    )
  )
    return true;
  const namedUser = `\\b(?:user|username|user\\s+id)\\s+[\\w@.-]+(?:'s)?\\s+(?:[\\w'-]+\\s+){0,2}?${PRIVATE_THINGS}\\b`;
  if (new RegExp(namedUser).test(text)) return true;
  const possessive = new RegExp(
    `(?:^|[^\\p{L}])([\\p{L}][\\p{L}.-]*)(?:'s|')\\s+(?:[\\p{L}'-]+\\s+){0,2}?${PRIVATE_THINGS}\\b`,
    'giu',
  );
  for (const m of written.matchAll(possessive)) if (isPersonName(m[1] ?? '')) return true;
  // "what did Maria ask" is personal; "what did Sales ask for" is a request and passes.
  const asked =
    /\bwhat\s+(?:did|has|have|was|were|does)\s+(?:the\s+user\s+|user\s+)?([\p{L}@.\d-]+)\s+(?:[\p{L}]+\s+)?(?:ask|asked|asking|search|searched|searching|type|typed|query|queried|draft|drafted)\b(?!\s+for\b)/giu;
  const namedAsked =
    /\bwhat\s+([\p{L}.-]+)\s+(?:has\s+|had\s+)?(?:asked|searched|typed|queried|drafted)\b(?!\s+for\b)/gu;
  for (const m of written.matchAll(namedAsked)) if (isPersonName(m[1] ?? '')) return true;
  for (const m of written.matchAll(asked))
    if (isPersonName(m[1] ?? '') || /\buser\s/i.test(m[0])) return true;
  const ofUser = new RegExp(
    `\\b${PRIVATE_THINGS}\\s+(?:of|from|by|for|belonging\\s+to)\\s+(?:the\\s+)?user\\s+[\\w@.-]+`,
    'iu',
  );
  if (ofUser.test(written)) return true;
  // Only chat-like things "of/from <Name>": "questions from Madrid stores" is about stores.
  const ofSomeone = new RegExp(
    `\\b${PERSONAL}\\s+(?:of|from|by|for|belonging\\s+to)\\s+([\\p{L}][\\p{L}.-]*)`,
    'giu',
  );
  for (const m of written.matchAll(ofSomeone)) if (isPersonName(m[1] ?? '')) return true;
  return false;
}

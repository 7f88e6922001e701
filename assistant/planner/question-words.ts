/**
 * The planner's own words: cue words that signal an intent (top, share, why, trend...), chart
 * words, and generic filler that carries no meaning in a business question. None of them names a
 * business: every metric, dimension and value comes from the catalog. Words are folded (lower
 * case, no accents), as normalize-text's tokenize gives them.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

/** Generic words accounted for without meaning anything to the query. */
export const FILLER_WORDS = words(`
  show me please how much many did do does we our us the a an total totals figure figures business
  what was is are were be been being give tell can could would you your i want wanted like to see
  get got in at on from for of with and or overall whole company number numbers just now current
  currently so far again look looking let lets know need kindly quick quickly made make makes
  generate generated bring brought earn earned have has had there here it its this that those these
  them they their value values data result results report sell sells sold selling performing
  performance perform performed did doing came come comes went go total up amount amounts
  whats hows heres also then only actually some all any end start beginning including include
  away take took taken takes taking through back brings bringing popular
`);

/** Rank: the direction a word asks for; best/worst follow the metric's higher_is_better. */
export const RANK_WORDS: ReadonlyMap<string, 'high' | 'low' | 'best' | 'worst'> = new Map([
  ['top', 'high'],
  ['highest', 'high'],
  ['most', 'high'],
  ['biggest', 'high'],
  ['largest', 'high'],
  ['greatest', 'high'],
  ['leading', 'high'],
  ['bottom', 'low'],
  ['lowest', 'low'],
  ['least', 'low'],
  ['smallest', 'low'],
  ['fewest', 'low'],
  ['best', 'best'],
  ['strongest', 'best'],
  ['worst', 'worst'],
  ['weakest', 'worst'],
]);

/**
 * Rank words that rank members ("top customers", "best stores": the leading customers), as against
 * those that ask for the largest quantity ("most customers": the count of customers).
 */
export const MEMBER_RANK_WORDS = words('top bottom best worst leading strongest weakest');

export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  'one two three four five six seven eight nine ten eleven twelve'.split(' ').map((w, i) => [w, i + 1]),
);

export const SHARE_WORDS = words('share shares percent percentage percentages proportion mix pct split');
/** Words that ask for a percentage rather than an amount ("%" is read as "pct"). */
export const PERCENT_WORDS = words('pct percent percentage percentages rate rates ratio');
export const TREND_WORDS = words(
  'trend trends trending evolution history historical progression timeline over time',
);
export const COMPARE_WORDS = words('compare compared comparing comparison vs versus against relative growth');
export const EXPLAIN_WORDS = words('why explain caused drove drive drives driving driver drivers behind');
/** Movement verbs that go with "why" ("why did X drop"). */
export const CHANGE_WORDS = words(`
  drop dropped drops fall fell falls rise rose rises go went goes up down increase increased increases
  decrease decreased decreases decline declined declines jump jumped spike spiked dip dipped change
  changed changes grow grew growth move moved shrink shrank low high fall off slump slumped surge surged
`);
/** "by store", "per region", "for each", "which category": the next member is a group-by. */
export const GROUP_WORDS = words('by per each every across breakdown broken down which');
export const LIST_WORDS = words('list there exist exists available options enumerate names name all');
export const CHART_WORDS = words('chart graph plot visual visualise visualize');
/** Chart kind words, read through charts/chart-choice parseKind. */
export const CHART_KIND_WORDS = words('line bar bars column columns stacked grouped tile kpi');
/** Words that open a follow-up ("and by store?", "what about ...", "same for last year"). */
export const FOLLOW_UP_WORDS = words('and about instead same also now only just those them these then');
/** "excluding online", "not including wholesale", "except the West": the next value is excluded. */
export const NEGATION_WORDS = words('excluding exclude except without not');

/** A noun written in the plural ("stores", "salespeople", "women"): "top stores" lists ten, "top store" one. */
export function looksPlural(words: string): boolean {
  return /(s|people|men|children)$/i.test(words.trim());
}

export const RECORD_VERBS = words('record log book paid pay transfer');

/**
 * Every word the planner reads as a cue or as filler. One such word alone is never taken as part
 * of a longer value's name ("only" of "... answer only with ..."), only a whole value may be it.
 */
export const PLANNER_WORDS: ReadonlySet<string> = new Set([
  ...FILLER_WORDS,
  ...RANK_WORDS.keys(),
  ...NUMBER_WORDS.keys(),
  ...SHARE_WORDS,
  ...TREND_WORDS,
  ...COMPARE_WORDS,
  ...EXPLAIN_WORDS,
  ...CHANGE_WORDS,
  ...GROUP_WORDS,
  ...LIST_WORDS,
  ...CHART_WORDS,
  ...CHART_KIND_WORDS,
  ...FOLLOW_UP_WORDS,
  ...NEGATION_WORDS,
]);

/** Common abbreviations, written out before matching ("avg order value"). */
export const ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['avg', 'average'],
  ['qty', 'quantity'],
  ['amt', 'amount'],
  ['num', 'number'],
  ['nr', 'number'],
]);

/** "best month for sales": a period noun a ranking ranks by. */
export const GRAIN_NOUNS: ReadonlyMap<string, 'day' | 'week' | 'month' | 'quarter' | 'year'> = new Map([
  ['day', 'day'],
  ['week', 'week'],
  ['month', 'month'],
  ['quarter', 'quarter'],
  ['year', 'year'],
]);

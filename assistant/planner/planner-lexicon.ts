/**
 * What the planner knows, built once per planner from the setup alone: the model's metrics and
 * dimensions by name, a default dimension for each semantic model ("by store" naming the model),
 * the verified queries with their content words, and a cache of "does this query compile".
 * Nothing here is written for a particular business.
 */
import { STOPWORDS, type Token } from '../../semantic-layer/catalog/normalize-text.ts';
import { compileQuery } from '../../semantic-layer/compiler/compile-query.ts';
import type { DimensionSpec, MetricSpec } from '../../semantic-layer/model/model-file.ts';
import type { SemanticQuery } from '../../semantic-layer/query/semantic-query-shape.ts';
import type { PlannerSetup, VerifiedQueryExample } from './plan.ts';
import { contentWordsOf } from './verified-words.ts';

export interface LexiconDimension {
  qualified: string;
  semanticModel: string;
  spec: DimensionSpec;
}

export interface LexiconVerified extends VerifiedQueryExample {
  /** Folded content words, time phrases and filler removed. */
  words: readonly string[];
}

export interface PlannerLexicon {
  setup: PlannerSetup;
  metrics: ReadonlyMap<string, MetricSpec>;
  dimensions: ReadonlyMap<string, LexiconDimension>;
  /** Semantic model name -> the categorical dimension that stands for it. */
  modelDimension: ReadonlyMap<string, string>;
  verified: readonly LexiconVerified[];
  /**
   * Words the model uses in its own prose and names (descriptions, synonyms, labels, member names,
   * verified questions): such a word alone is not taken as part of a value's name ("end" of
   * "South End" in "cash at the end of each month").
   */
  proseWords: ReadonlySet<string>;
  /** A metric phrase's content words (stems, sorted, space-joined) -> the metrics it names. */
  metricsByWords: ReadonlyMap<string, readonly string[]>;
  /** How many values the index holds for a dimension (0 when none were read). */
  valueCount(qualified: string): number;
  /** Four verified questions for an empty thread and for refusals (set by the planner). */
  starters?: string[];
  /** Whether the planner answers a question with tools (set by the planner; filters suggestions). */
  answers?: (question: string) => boolean;
  /** Compiles the query (DuckDB dialect) once; true when it compiles. */
  compiles(query: SemanticQuery): boolean;
}

/** A model's own dimension named like its primary entity ("<entity>_name"), else its first categorical one. */
function standInDimension(model: PlannerSetup['model']['semanticModels'][number]): string | undefined {
  const categorical = model.dimensions.filter((d) => d.type === 'categorical');
  const primary = model.entities.find((e) => e.type === 'primary')?.name;
  const named =
    categorical.find((d) => d.name === `${primary}_name` || d.name === primary) ??
    categorical.find((d) => d.name.endsWith('_name')) ??
    categorical[0];
  return named === undefined ? undefined : `${model.name}.${named.name}`;
}

export function buildPlannerLexicon(setup: PlannerSetup): PlannerLexicon {
  const { model } = setup;
  const dimensions = new Map<string, LexiconDimension>();
  const modelDimension = new Map<string, string>();
  for (const sm of model.semanticModels) {
    for (const spec of sm.dimensions) {
      dimensions.set(`${sm.name}.${spec.name}`, {
        qualified: `${sm.name}.${spec.name}`,
        semanticModel: sm.name,
        spec,
      });
    }
    const stand = standInDimension(sm);
    if (stand !== undefined) modelDimension.set(sm.name, stand);
  }
  const examples: VerifiedQueryExample[] = [
    ...model.verifiedQueries.map((v) => ({ question: v.question, query: v.query as SemanticQuery })),
    ...(setup.extraVerifiedQueries ?? []),
  ];
  const verified = examples.map((v) => ({ ...v, words: contentWordsOf(v.question, setup) }));
  const cache = new Map<string, boolean>();
  const options = {
    clock: setup.clock,
    fiscalYearStartMonth: setup.fiscalYearStartMonth,
    dialect: 'duckdb' as const,
  };
  const proseWords = new Set<string>();
  for (const entry of setup.catalog.entries) {
    if (entry.field === 'value' || entry.field === 'sample_value' || entry.field === 'value_word') continue;
    for (const token of entry.tokens) proseWords.add(token.norm);
  }
  for (const vq of setup.catalog.verifiedQuestions) for (const token of vq.words) proseWords.add(token.norm);
  const metricsByWords = new Map<string, string[]>();
  for (const entry of setup.catalog.entries) {
    if (entry.kind !== 'metric' || !['name', 'label', 'synonym'].includes(entry.field)) continue;
    const key = contentKey(entry.tokens);
    if (key.includes(' '))
      metricsByWords.set(key, [...new Set([...(metricsByWords.get(key) ?? []), entry.member])]);
  }
  const counts = new Map(
    (setup.dimensionValues?.dimensions ?? []).map((d) => [d.dimension, d.values.length]),
  );
  return {
    setup,
    proseWords,
    metricsByWords,
    valueCount: (qualified) => counts.get(qualified) ?? 0,
    metrics: new Map(model.metrics.map((m) => [m.name, m])),
    dimensions,
    modelDimension,
    verified,
    compiles(query) {
      const key = JSON.stringify(query);
      let ok = cache.get(key);
      if (ok === undefined) {
        try {
          compileQuery(model, query, options);
          ok = true;
        } catch {
          ok = false;
        }
        if (cache.size > 5000) cache.clear();
        cache.set(key, ok);
      }
      return ok;
    },
  };
}

/** How a member is named to a person: its label, else its name in words. */
export function metricWords(lexicon: PlannerLexicon, name: string): string {
  const spec = lexicon.metrics.get(name);
  return spec?.label ?? name.replace(/_pct$/, ' %').replace(/_/g, ' ');
}

export function dimensionWords(lexicon: PlannerLexicon, qualified: string): string {
  const spec = lexicon.dimensions.get(qualified)?.spec;
  const name = qualified.slice(qualified.indexOf('.') + 1);
  return spec?.label ?? spec?.synonyms[0] ?? name.replace(/_name$/, '').replace(/_/g, ' ');
}

/** Content words of a phrase as a key: stems, stopwords left out, sorted ("cash in bank" -> "bank cash"). */
export function contentKey(tokens: readonly Token[]): string {
  return [...new Set(tokens.filter((t) => !STOPWORDS.has(t.norm)).map((t) => t.stem))].sort().join(' ');
}

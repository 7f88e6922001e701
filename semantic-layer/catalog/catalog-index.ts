/**
 * The catalog as searchable phrases: every member's name, label, synonyms and description key
 * words, the dimensions' sample values and actual warehouse values, and the verified questions.
 * Built once from the loaded model and the latest dimension value index; searched by
 * search-catalog.ts. Nothing here knows any business: it reads only the model's fields.
 */
import type { SemanticLayerModel } from '../model/semantic-layer-model.ts';
import type { DimensionValueIndex } from './dimension-value-index.ts';
import { isContentWord, type Token, tokenize } from './normalize-text.ts';
import { buildVocabulary, type Vocabulary } from './word-matches.ts';

export type CatalogMemberKind = 'metric' | 'dimension' | 'semantic_model' | 'verified_query';

/** Where a phrase came from; each has its own weight in scoring. */
export type CatalogField =
  | 'name'
  | 'label'
  | 'synonym'
  | 'value'
  | 'sample_value'
  /** One word of a multi-word value ("oriente" of "Gare do Oriente"); text is the whole value. */
  | 'value_word'
  | 'name_word'
  | 'description';

export interface CatalogEntry {
  kind: CatalogMemberKind;
  /** Metric name, "<model>.<dimension>", semantic model name. */
  member: string;
  field: CatalogField;
  /** The phrase as written in the model or stored in the warehouse. */
  text: string;
  tokens: Token[];
  /** For values: read from the warehouse, or written in the model's sample_values. */
  source?: 'warehouse' | 'sample';
  /**
   * A short or common value ("US", "IT", "XL") matches only as written, case included: as a plain
   * word it would match every question.
   */
  verbatimOnly?: boolean;
}

export interface VerifiedQuestion {
  question: string;
  index: number;
  /** Content words of the question (folded), each counted once. */
  words: Token[];
}

export interface CatalogIndex {
  entries: readonly CatalogEntry[];
  /** Entries by the folded form of their first word. */
  byFirstWord: ReadonlyMap<string, readonly CatalogEntry[]>;
  /** Every distinct word of every entry and verified question. */
  vocabulary: Vocabulary;
  verifiedQuestions: readonly VerifiedQuestion[];
  /** When the dimension values were read from the warehouse (ISO 8601). */
  valuesBuiltAt: string;
}

export function buildCatalogIndex(model: SemanticLayerModel, values?: DimensionValueIndex): CatalogIndex {
  const entries: CatalogEntry[] = [];
  const add = (kind: CatalogMemberKind, member: string, field: CatalogField, text: string) => {
    const tokens = tokenize(text);
    if (tokens.length === 0 || !tokens.some(isContentWord)) return;
    entries.push({ kind, member, field, text, tokens });
  };
  const addValue = (member: string, value: string, source: 'warehouse' | 'sample') => {
    const tokens = tokenize(value);
    if (tokens.length === 0) return;
    const field = source === 'warehouse' ? 'value' : 'sample_value';
    if (!tokens.some(isContentWord)) {
      // Only single words with a letter; "a", "de la" or "-" alone would be noise even verbatim.
      const word = tokens[0] as Token;
      if (
        tokens.length === 1 &&
        /\p{L}/u.test(word.raw) &&
        (word.raw.length >= 2 || /\p{Lu}/u.test(word.raw))
      ) {
        entries.push({ kind: 'dimension', member, field, text: value, tokens, source, verbatimOnly: true });
      }
      return;
    }
    entries.push({ kind: 'dimension', member, field, text: value, tokens, source });
    if (tokens.length === 1) return;
    const seen = new Set<string>();
    for (const word of tokens) {
      if (!isContentWord(word) || seen.has(word.norm)) continue;
      seen.add(word.norm);
      entries.push({ kind: 'dimension', member, field: 'value_word', text: value, tokens: [word], source });
    }
  };
  const addGrounding = (
    kind: CatalogMemberKind,
    member: string,
    spec: { name: string; label?: string | undefined; description: string; synonyms: readonly string[] },
  ) => {
    add(kind, member, 'name', spec.name);
    const nameWords = tokenize(spec.name);
    if (nameWords.length > 1) for (const word of nameWords) add(kind, member, 'name_word', word.norm);
    if (spec.label !== undefined) add(kind, member, 'label', spec.label);
    for (const synonym of spec.synonyms) add(kind, member, 'synonym', synonym);
    const seen = new Set<string>();
    for (const word of tokenize(spec.description)) {
      if (!isContentWord(word) || seen.has(word.stem)) continue;
      seen.add(word.stem);
      add(kind, member, 'description', word.norm);
    }
  };

  const stored = new Map((values?.dimensions ?? []).map((d) => [d.dimension, d.values]));
  for (const semanticModel of model.semanticModels) {
    addGrounding('semantic_model', semanticModel.name, semanticModel);
    for (const dimension of semanticModel.dimensions) {
      const member = `${semanticModel.name}.${dimension.name}`;
      addGrounding('dimension', member, dimension);
      // Warehouse values first, so a sample value already stored is not indexed twice.
      const seen = new Set<string>();
      for (const value of stored.get(member) ?? []) {
        seen.add(value.toLowerCase());
        addValue(member, value, 'warehouse');
      }
      for (const sample of dimension.sample_values.map(String)) {
        if (!seen.has(sample.toLowerCase())) addValue(member, sample, 'sample');
      }
    }
  }
  for (const metric of model.metrics) addGrounding('metric', metric.name, metric);

  const verifiedQuestions = model.verifiedQueries.map((vq, index) => {
    const words = new Map<string, Token>();
    for (const word of tokenize(vq.question)) if (isContentWord(word)) words.set(word.stem, word);
    return { question: vq.question, index, words: [...words.values()] };
  });

  const byFirstWord = new Map<string, CatalogEntry[]>();
  const vocabulary = new Map<string, Token>();
  for (const entry of entries) {
    const first = entry.tokens[0] as Token;
    const list = byFirstWord.get(first.norm);
    if (list === undefined) byFirstWord.set(first.norm, [entry]);
    else list.push(entry);
    for (const token of entry.tokens) vocabulary.set(token.norm, token);
  }
  for (const vq of verifiedQuestions) for (const token of vq.words) vocabulary.set(token.norm, token);
  return {
    entries,
    byFirstWord,
    vocabulary: buildVocabulary(vocabulary),
    verifiedQuestions,
    valuesBuiltAt: values?.builtAt ?? '',
  };
}

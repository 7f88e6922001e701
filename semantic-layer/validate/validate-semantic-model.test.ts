/**
 * The validator against one fixture folder per mistake (named after it): each gives exactly the
 * expected codes at the expected file and line, and a folder with many mistakes reports them all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCode, isCodedError } from '../../core/coded-error.ts';
import { SemanticModelError } from './semantic-model-error.ts';
import { loadSemanticModel, validateSemanticModel } from './validate-semantic-model.ts';
import { ValidationCode } from './validation-codes.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const found = (name: string) =>
  validateSemanticModel(path.join(fixtures, name)).errors.map(
    (e) => `${e.file}:${e.line} ${e.code} ${e.name}`,
  );

// fixture -> every problem it must give, and nothing else.
const CASES: [string, string[]][] = [
  ['bad-yaml-syntax', ['model.yaml:35 SL001 YAML_SYNTAX']],
  ['wrong-type', ['model.yaml:46 SL002 WRONG_SHAPE']],
  ['cumulative-window-and-grain-to-date', ['model.yaml:52 SL002 WRONG_SHAPE']],
  // The misspelt key is unknown, and the real one is then missing.
  ['unknown-key', ['model.yaml:36 SL002 WRONG_SHAPE', 'model.yaml:41 SL002 WRONG_SHAPE']],
  ['duplicate-model-across-files', ['more-customers.yaml:2 SL003 DUPLICATE_MODEL']],
  ['duplicate-metric', ['sales.yaml:2 SL004 DUPLICATE_METRIC']],
  ['duplicate-dimension', ['model.yaml:23 SL005 DUPLICATE_DIMENSION']],
  ['duplicate-entity', ['model.yaml:14 SL006 DUPLICATE_ENTITY']],
  ['unknown-model', ['model.yaml:51 SL007 UNKNOWN_MODEL']],
  ['unknown-metric-reference', ['model.yaml:52 SL008 UNKNOWN_METRIC']],
  ['ratio-of-missing-metric', ['model.yaml:52 SL008 UNKNOWN_METRIC']],
  ['default-time-dimension-missing', ['model.yaml:6 SL009 UNKNOWN_DIMENSION']],
  ['filter-on-unknown-dimension', ['model.yaml:50 SL009 UNKNOWN_DIMENSION']],
  ['default-time-dimension-not-time', ['model.yaml:6 SL010 NOT_A_TIME_DIMENSION']],
  ['non-additive-on-categorical', ['model.yaml:54 SL010 NOT_A_TIME_DIMENSION']],
  ['derived-uses-unlisted-metric', ['model.yaml:51 SL011 BAD_DERIVED_EXPRESSION']],
  ['derived-expression-with-sql', ['model.yaml:51 SL011 BAD_DERIVED_EXPRESSION']],
  ['cumulative-of-ratio', ['model.yaml:56 SL012 CUMULATIVE_NOT_SIMPLE']],
  ['time-agg', ['model.yaml:52 SL013 TIME_AGGREGATION']],
  ['grain-on-categorical', ['model.yaml:22 SL014 GRAIN_ON_CATEGORICAL']],
  ['foreign-entity-without-primary', ['model.yaml:14 SL015 FOREIGN_ENTITY_UNMATCHED']],
  ['foreign-entity-in-two-models', ['model.yaml:11 SL016 FOREIGN_ENTITY_AMBIGUOUS']],
  ['join-cycle', ['model.yaml:3 SL017 JOIN_CYCLE']],
  ['two-join-paths', ['model.yaml:3 SL018 TWO_JOIN_PATHS']],
  ['statement-in-expression', ['model.yaml:22 SL020 BAD_EXPRESSION']],
  ['verified-query-bad-shape', ['model.yaml:53 SL021 VERIFIED_QUERY_SHAPE']],
  [
    'verified-query-unknown-member',
    [
      'model.yaml:52 SL022 VERIFIED_QUERY_UNKNOWN_MEMBER',
      'model.yaml:53 SL022 VERIFIED_QUERY_UNKNOWN_MEMBER',
    ],
  ],
  ['verified-query-unqualified-dimension', ['model.yaml:53 SL022 VERIFIED_QUERY_UNKNOWN_MEMBER']],
  ['verified-query-time-not-time', ['model.yaml:53 SL023 VERIFIED_QUERY_NOT_TIME']],
  ['filter-not-reachable', ['model.yaml:55 SL024 DIMENSION_NOT_REACHABLE']],
  ['unusable-model', ['notes.yaml:2 SL025 UNUSABLE_MODEL']],
  ['metric-cycle', ['model.yaml:54 SL026 METRIC_CYCLE']],
  ['metric-time-without-default-time', ['model.yaml:59 SL027 NO_METRIC_TIME']],
  [
    'filter-with-wrong-number-of-values',
    ['model.yaml:50 SL029 BAD_FILTER_VALUES', 'model.yaml:55 SL029 BAD_FILTER_VALUES'],
  ],
  ['placeholder-on-time', ['model.yaml:19 SL030 PLACEHOLDER_ON_TIME']],
  [
    'many-errors',
    [
      'broken.yaml:4 SL001 YAML_SYNTAX',
      'metrics.yaml:4 SL008 UNKNOWN_METRIC',
      'metrics.yaml:9 SL007 UNKNOWN_MODEL',
      'model.yaml:46 SL002 WRONG_SHAPE',
      'shops.yaml:9 SL015 FOREIGN_ENTITY_UNMATCHED',
      'shops.yaml:16 SL005 DUPLICATE_DIMENSION',
      'shops.yaml:18 SL014 GRAIN_ON_CATEGORICAL',
    ],
  ],
];

describe('validateSemanticModel', () => {
  it('finds nothing wrong in the valid fixture the others start from', () => {
    const { model, errors } = validateSemanticModel(path.join(fixtures, 'valid'));
    expect(errors).toEqual([]);
    expect(model.semanticModels.map((m) => m.name)).toEqual(['orders', 'customers']);
    expect(model.locations.get('metric:order_count')).toEqual({ file: 'model.yaml', line: 43 });
    expect(model.locations.get('dimension:customers.country')).toEqual({ file: 'model.yaml', line: 31 });
  });

  it.each(CASES)('%s gives exactly its problems, with file and line', (fixture, expected) => {
    expect(found(fixture)).toEqual(expected);
  });

  it('has a fixture for every case and a case for every fixture', async () => {
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(fixtures).sort()).toEqual([...CASES.map((c) => c[0]), 'valid'].sort());
  });

  it('has a fixture for every code that offline validation can give', () => {
    const covered = new Set(CASES.flatMap(([, expected]) => expected.map((e) => e.split(' ')[1])));
    // SL000 (no files) is tested below; SL019 and SL028 need a warehouse (checks/ and the CLI tests).
    const offline = Object.values(ValidationCode).filter((c) => !['SL000', 'SL019', 'SL028'].includes(c));
    expect(offline.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('says what to do in each message', () => {
    const [twoPaths] = validateSemanticModel(path.join(fixtures, 'two-join-paths')).errors;
    expect(twoPaths?.message).toBe(
      'model "orders" reaches "regions" by 2 join paths (orders -> customers -> regions; orders -> regions); remove one foreign entity so that the path is unique',
    );
    const [unknown] = validateSemanticModel(path.join(fixtures, 'unknown-model')).errors;
    expect(unknown?.message).toContain('known models: orders, customers');
  });

  it('reports an empty or missing folder and names SEMANTIC_MODEL_DIR', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'sl-empty-'));
    try {
      for (const dir of [empty, path.join(empty, 'missing')]) {
        const { errors } = validateSemanticModel(dir);
        expect(errors.map((e) => e.code)).toEqual(['SL000']);
        expect(errors[0]?.message).toContain('SEMANTIC_MODEL_DIR');
      }
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('loadSemanticModel', () => {
  it('returns the model when it is valid', () => {
    expect(loadSemanticModel(path.join(fixtures, 'valid')).metrics.map((m) => m.name)).toEqual([
      'revenue',
      'order_count',
    ]);
  });

  it('throws one SemanticModelError carrying every problem', () => {
    const dir = path.join(fixtures, 'many-errors');
    let thrown: unknown;
    try {
      loadSemanticModel(dir);
    } catch (error) {
      thrown = error;
    }
    expect(isCodedError(thrown, ErrorCode.SemanticModelInvalid)).toBe(true);
    const error = thrown as SemanticModelError;
    expect(error).toBeInstanceOf(SemanticModelError);
    expect(error.issues).toHaveLength(7);
    expect(error.message).toContain('has 7 problems');
    expect(error.message).toContain(
      '\nshops.yaml:16 SL005 DUPLICATE_DIMENSION model "shops" has two dimensions',
    );
  });
});

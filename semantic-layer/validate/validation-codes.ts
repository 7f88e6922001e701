/**
 * The stable codes of semantic model problems. A code never changes meaning once published:
 * tests, docs (docs/semantic-model.md) and people's notes refer to them. Add new ones at the end.
 */
export const ValidationCode = {
  NO_MODEL_FILES: 'SL000',
  YAML_SYNTAX: 'SL001',
  WRONG_SHAPE: 'SL002',
  DUPLICATE_MODEL: 'SL003',
  DUPLICATE_METRIC: 'SL004',
  DUPLICATE_DIMENSION: 'SL005',
  DUPLICATE_ENTITY: 'SL006',
  UNKNOWN_MODEL: 'SL007',
  UNKNOWN_METRIC: 'SL008',
  UNKNOWN_DIMENSION: 'SL009',
  NOT_A_TIME_DIMENSION: 'SL010',
  BAD_DERIVED_EXPRESSION: 'SL011',
  CUMULATIVE_NOT_SIMPLE: 'SL012',
  TIME_AGGREGATION: 'SL013',
  GRAIN_ON_CATEGORICAL: 'SL014',
  FOREIGN_ENTITY_UNMATCHED: 'SL015',
  FOREIGN_ENTITY_AMBIGUOUS: 'SL016',
  JOIN_CYCLE: 'SL017',
  TWO_JOIN_PATHS: 'SL018',
  UNKNOWN_COLUMN: 'SL019',
  BAD_EXPRESSION: 'SL020',
  VERIFIED_QUERY_SHAPE: 'SL021',
  VERIFIED_QUERY_UNKNOWN_MEMBER: 'SL022',
  VERIFIED_QUERY_NOT_TIME: 'SL023',
  DIMENSION_NOT_REACHABLE: 'SL024',
  UNUSABLE_MODEL: 'SL025',
  METRIC_CYCLE: 'SL026',
  NO_METRIC_TIME: 'SL027',
  UNKNOWN_RELATION: 'SL028',
  BAD_FILTER_VALUES: 'SL029',
  PLACEHOLDER_ON_TIME: 'SL030',
} as const;

export type ValidationCodeName = keyof typeof ValidationCode;
export type ValidationCodeValue = (typeof ValidationCode)[ValidationCodeName];

/** One problem, where it was written and what to do about it. */
export interface ValidationIssue {
  code: ValidationCodeValue;
  name: ValidationCodeName;
  /** Path relative to the model folder ("sales.yaml"). */
  file: string;
  /** 1-based; 0 when the problem is about the folder itself. */
  line: number;
  message: string;
}

/** "sales.yaml:12 SL008 UNKNOWN_METRIC metric ... ": one line per issue, for people and logs. */
export function formatIssue(issue: ValidationIssue): string {
  return `${issue.file}:${issue.line} ${issue.code} ${issue.name} ${issue.message}`;
}

export function compareIssues(a: ValidationIssue, b: ValidationIssue): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code);
}

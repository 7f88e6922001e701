/** Thrown when the semantic model has problems: carries every one of them, sorted by place. */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { formatIssue, type ValidationIssue } from './validation-codes.ts';

export class SemanticModelError extends CodedError {
  readonly issues: readonly ValidationIssue[];

  constructor(dir: string, issues: readonly ValidationIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(
      ErrorCode.SemanticModelInvalid,
      `The semantic model in ${dir} has ${count}; fix them (see docs/semantic-model.md for each code) and run \`shoebox semantic validate\` again:\n${issues.map(formatIssue).join('\n')}`,
      { details: { dir, issues } },
    );
    this.issues = issues;
  }
}

/**
 * "No raw SQL": every statement an answer says it ran must be what the semantic compiler makes of
 * one of the semantic queries it lists. The queries are compiled again here and compared, text and
 * parameters, so SQL from anywhere else (a model, a prompt, a hand-written string) cannot pass.
 */
import type { Answer } from '../assistant/answer.ts';
import { type CompileOptions, compileQuery } from '../semantic-layer/compiler/compile-query.ts';
import type { SemanticLayerModel } from '../semantic-layer/model/semantic-layer-model.ts';

const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim();
const paramsKey = (params: unknown) =>
  JSON.stringify(params, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));

/** Problems found, empty when every SQL statement is a compiled semantic query. */
export function checkProvenance(
  answer: Answer,
  model: SemanticLayerModel,
  options: CompileOptions,
): string[] {
  const provenance = answer.provenance;
  if (!provenance) return answer.kind === 'answer' ? ['the answer has no provenance'] : [];
  const problems: string[] = [];
  const compiled: { sql: string; params: string }[] = [];
  provenance.semanticQueries.forEach((query, i) => {
    try {
      const c = compileQuery(model, query, options);
      compiled.push({ sql: squash(c.sql), params: paramsKey(c.params) });
    } catch (error) {
      problems.push(`semantic query ${i + 1} does not compile: ${(error as Error).message}`);
    }
  });
  provenance.sql.forEach((statement, i) => {
    const text = squash(statement.text);
    const params = paramsKey(statement.params);
    if (!compiled.some((c) => c.sql === text && c.params === params)) {
      problems.push(
        `SQL ${i + 1} is not the compilation of any semantic query in the provenance: ${text.slice(0, 200)}`,
      );
    }
  });
  if (
    answer.kind === 'answer' &&
    answer.figures.length > 0 &&
    provenance.sql.length === 0 &&
    provenance.tools.length === 0
  ) {
    problems.push('the answer states figures but its provenance lists no query and no tool');
  }
  return problems;
}

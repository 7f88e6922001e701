/**
 * A derived metric's expression ("revenue - cost", "(a + b) / 2") parsed into a Formula over the
 * metrics it lists: names, numbers, + - * / and parentheses only, so no model text reaches the SQL.
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { Formula } from './query-plan.ts';

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|([a-z][a-z0-9_]*)|([-+*/()]))/y;

export function parseDerivedFormula(
  metric: string,
  expr: string,
  resolve: (name: string) => Formula,
  allowed: readonly string[],
): Formula {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expr.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(expr);
    if (!match) {
      if (expr.slice(at).trim() === '') break;
      throw invalid(metric, `unexpected "${expr.slice(at).trim()}"`);
    }
    tokens.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  let position = 0;
  const peek = () => tokens[position];
  const next = () => tokens[position++];

  function primary(): Formula {
    const token = next();
    if (token === undefined) throw invalid(metric, 'it ends too early');
    if (token === '(') {
      const inner = sum();
      if (next() !== ')') throw invalid(metric, 'a parenthesis is not closed');
      return inner;
    }
    if (token === '-') return { kind: 'negate', operand: primary() };
    if (/^\d/.test(token)) return { kind: 'number', value: Number(token) };
    if (/^[a-z]/.test(token)) {
      if (!allowed.includes(token)) throw invalid(metric, `"${token}" is not in its metrics list`);
      return resolve(token);
    }
    throw invalid(metric, `unexpected "${token}"`);
  }
  function product(): Formula {
    let left = primary();
    while (peek() === '*' || peek() === '/') {
      const op = next() as '*' | '/';
      left = { kind: 'op', op, left, right: primary() };
    }
    return left;
  }
  function sum(): Formula {
    let left = product();
    while (peek() === '+' || peek() === '-') {
      const op = next() as '+' | '-';
      left = { kind: 'op', op, left, right: product() };
    }
    return left;
  }
  const formula = sum();
  if (position !== tokens.length) throw invalid(metric, `unexpected "${tokens[position]}"`);
  return formula;
}

function invalid(metric: string, why: string): CodedError {
  return new CodedError(
    ErrorCode.SemanticModelInvalid,
    `Derived metric "${metric}" has an expression the compiler cannot read: ${why}. Use metric names, numbers, + - * / and parentheses.`,
    { details: { metric } },
  );
}

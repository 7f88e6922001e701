/**
 * Small helpers for our own SQL files: split a script into statements and fill {{name}}
 * placeholders. Placeholders take identifiers only (values go in as $n parameters), and every
 * identifier is checked, so nothing from outside our specs reaches SQL text unchecked.
 */
import { CodedError, ErrorCode } from '../core/coded-error.ts';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Statements of a script whose statements end with `;` at the end of a line. Whole-line `--`
 * comments are dropped; our files put no `;` at a line end inside a string.
 */
export function splitSqlStatements(script: string): string[] {
  const code = script
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  return code
    .split(/;[ \t]*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

export function assertIdentifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `${what} "${name}" is not a plain lower-case identifier (letters, digits, _); pick a simple name`,
    );
  }
  return name;
}

/** Replaces every {{name}} with its identifier; a placeholder without a value is an error. */
export function fillTemplate(script: string, values: Readonly<Record<string, string>>): string {
  return script.replace(/\{\{([a-z_]+)\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new CodedError(
        ErrorCode.BadArgument,
        `SQL placeholder {{${name}}} has no value; pass it to fillTemplate`,
      );
    }
    return assertIdentifier(value, `value for {{${name}}}`);
  });
}

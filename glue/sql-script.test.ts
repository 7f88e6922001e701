import { describe, expect, it } from 'vitest';
import { fillTemplate, splitSqlStatements } from './sql-script.ts';

describe('splitSqlStatements', () => {
  it('splits at line-ending semicolons and drops comment lines', () => {
    const script =
      '-- header; with a semicolon;\nCREATE TABLE a (x INTEGER);\n\nINSERT INTO a\nSELECT 1;\nSELECT 2';
    expect(splitSqlStatements(script)).toEqual([
      'CREATE TABLE a (x INTEGER)',
      'INSERT INTO a\nSELECT 1',
      'SELECT 2',
    ]);
  });
});

describe('fillTemplate', () => {
  it('fills identifiers and refuses anything else', () => {
    expect(fillTemplate('DROP TABLE dw.{{table}}__next', { table: 'dim_store' })).toBe(
      'DROP TABLE dw.dim_store__next',
    );
    expect(() => fillTemplate('GRANT x TO {{user}}', { user: 'bob; DROP TABLE x' })).toThrow(
      /plain lower-case identifier/,
    );
    expect(() => fillTemplate('{{missing}}', {})).toThrow(/has no value/);
  });
});

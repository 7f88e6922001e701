import { describe, expect, it } from 'vitest';
import { maskSql, quoteIdent, quoteLiteral, splitStatements } from './sql-text.ts';

describe('maskSql', () => {
  it('blanks literals, identifiers, comments and dollar quotes, keeping positions', () => {
    const sql = `SELECT 'a;b', "x;y", $$c;d$$, $t$e;f$t$ -- g;h\n/* i; /* nested; */ j; */ FROM t`;
    const masked = maskSql(sql);
    expect(masked).toHaveLength(sql.length);
    expect(masked).not.toMatch(/;/);
    expect(masked.replace(/\s+/g, ' ')).toBe('SELECT , , , FROM t');
  });

  it('reads doubled quotes as escapes, and backslashes only when asked (Redshift) or in E strings', () => {
    expect(maskSql(`'it''s'; x`).trim()).toBe('; x');
    expect(maskSql(`'a\\'; x`).trim()).toBe('; x');
    expect(maskSql(`'a\\'; x'`, { backslashEscapes: true }).trim()).toBe('');
    expect(maskSql(`E'a\\'; x'`).trim()).toBe('E');
  });

  it('does not take $1 for a dollar quote', () => {
    expect(maskSql('SELECT $1, $2')).toBe('SELECT $1, $2');
  });
});

describe('splitStatements', () => {
  it('splits on code semicolons only and drops empty statements', () => {
    expect(splitStatements(`CREATE TABLE a (x text); INSERT INTO a VALUES ('1;2');; -- done;\n`)).toEqual([
      'CREATE TABLE a (x text)',
      `INSERT INTO a VALUES ('1;2')`,
    ]);
  });
});

describe('quoting', () => {
  it('quotes identifiers and literals', () => {
    expect(quoteIdent('we"ird')).toBe('"we""ird"');
    expect(quoteLiteral("O'Brien")).toBe("'O''Brien'");
    expect(quoteLiteral('a\\b', { backslashEscapes: true })).toBe("'a\\\\b'");
  });
});

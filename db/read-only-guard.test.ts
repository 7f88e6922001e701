import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/coded-error.ts';
import { assertReadOnlySelect } from './read-only-guard.ts';

describe('assertReadOnlySelect', () => {
  it.each([
    'SELECT 1',
    'select * from t where note = $1;',
    '  -- leading comment\n(SELECT 1) UNION (SELECT 2)',
    `WITH x AS (SELECT 'drop table y; insert' AS s) SELECT * FROM x`,
    'SELECT "update" FROM t',
  ])('lets through %s', (sql) => {
    expect(() => assertReadOnlySelect(sql)).not.toThrow();
  });

  it.each([
    ['INSERT INTO t VALUES (1)', /"INSERT"/],
    ['DROP TABLE t', /"DROP"/],
    ['SELECT 1; DROP TABLE t', /more than one statement/],
    ['WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d', /"DELETE"/],
    ['SELECT * INTO copy_of_t FROM t', /"INTO"/],
    ['', /empty/],
    ['-- only a comment', /empty/],
    ['EXPLAIN ANALYZE DELETE FROM t', /"EXPLAIN"/],
  ])('refuses %s', (sql, reason) => {
    expect(() => assertReadOnlySelect(sql)).toThrow(
      expect.objectContaining({ code: ErrorCode.WarehouseReadOnly, message: expect.stringMatching(reason) }),
    );
  });

  it('lexes backslash escapes the way the engine does', () => {
    // One string literal on Redshift; on Postgres the quote ends at the backslash and DROP is code.
    const sql = `SELECT 'a\\'; DROP TABLE t; --'`;
    expect(() => assertReadOnlySelect(sql, { backslashEscapes: true })).not.toThrow();
    expect(() => assertReadOnlySelect(sql)).toThrow(/more than one statement/);
  });
});

import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../core/coded-error.ts';
import { namedToPositional, normalizeParam, positionalToNamed } from './sql-params.ts';

describe('positionalToNamed', () => {
  it('renames $n outside literals, sends strings and inlines NULL', () => {
    const at = new Date('2024-03-05T14:30:00Z');
    expect(positionalToNamed(`SELECT $1, '$1', $2::int, $3, $1 -- $4`, ['a', 7, null], {})).toEqual({
      sql: `SELECT :p1, '$1', :p2::int, NULL, :p1 -- $4`,
      parameters: [
        { name: 'p1', value: 'a' },
        { name: 'p2', value: '7' },
      ],
    });
    expect(positionalToNamed('SELECT $1, $2', [at, true]).parameters.map((p) => p.value)).toEqual([
      '2024-03-05T14:30:00.000Z',
      'true',
    ]);
  });

  it('refuses a reference past the parameters given', () => {
    expect(() => positionalToNamed('SELECT $2', ['a'])).toThrow(
      expect.objectContaining({ code: ErrorCode.BadArgument }),
    );
  });
});

describe('namedToPositional', () => {
  it('numbers :names by the list order and leaves casts and literals alone', () => {
    expect(namedToPositional(`SELECT :b::int, ':a', :a, x::text, arr[1:2]`, ['a', 'b'])).toBe(
      `SELECT $2::int, ':a', $1, x::text, arr[1:2]`,
    );
  });

  it('refuses an unknown name', () => {
    expect(() => namedToPositional('SELECT :c', ['a'])).toThrow(/:c/);
  });
});

describe('normalizeParam', () => {
  it('turns Dates into ISO strings and leaves the rest', () => {
    expect(normalizeParam(new Date('2024-01-02T03:04:05Z'))).toBe('2024-01-02T03:04:05.000Z');
    expect(normalizeParam(10n)).toBe(10n);
    expect(normalizeParam(null)).toBeNull();
  });
});

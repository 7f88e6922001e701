/** Syntax Redshift lacks (see glue/redshift-sql-rules.test.ts and DESIGN.md's Redshift list). */
export const REDSHIFT_FORBIDDEN: [string, RegExp][] = [
  ['generate_series', /\bgenerate_series\b/i],
  ['FILTER (WHERE ...)', /\bFILTER\s*\(\s*WHERE\b/i],
  [':: casts (use CAST)', /::/],
  ['STRING_AGG (use LISTAGG)', /\bSTRING_AGG\b/i],
  ['IS [NOT] DISTINCT FROM', /\bIS\s+(NOT\s+)?DISTINCT\s+FROM\b/i],
  ['make_date (DuckDB)', /\bmake_date\b/i],
  ['arrays', /\bARRAY\s*\[|\[\]/i],
  [
    'aggregate window ordered without an explicit ROWS frame',
    /\b(SUM|AVG|COUNT|MIN|MAX)\([^()]*\)\s*OVER\s*\((?![^)]*\bROWS\b)[^)]*ORDER\s+BY/i,
  ],
];

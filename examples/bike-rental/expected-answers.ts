/**
 * The example's known answers (expected.json): questions, their semantic queries, the
 * hand-written SQL over the CSV files and the rows that SQL gives. `runExpectedSql` recomputes
 * the rows; write-expected.ts stores them and expected-answers.test.ts checks they still agree.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Warehouse } from '../../db/warehouse.ts';
import { EXAMPLE_DIR } from './example-model.ts';

export const EXPECTED_PATH = join(EXAMPLE_DIR, 'expected.json');

export interface ExpectedQuestion {
  id: string;
  question: string;
  /** A full semantic query (semanticQueryShape). */
  query: unknown;
  sql: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export interface ExpectedAnswers {
  about: string;
  questions: ExpectedQuestion[];
}

export function readExpectedAnswers(): ExpectedAnswers {
  return JSON.parse(readFileSync(EXPECTED_PATH, 'utf8')) as ExpectedAnswers;
}

/** Runs one question's SQL over the example's tables: its column names and rows as arrays. */
export async function runExpectedSql(
  warehouse: Warehouse,
  sql: string,
): Promise<{ columns: string[]; rows: (string | number | null)[][] }> {
  const result = await warehouse.query(sql);
  const columns = result.columns.map((c) => c.name);
  const rows = result.rows.map((row) =>
    columns.map((c) => {
      const value = row[c];
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00(\.000)?Z?$/.test(value))
        return value.slice(0, 10);
      return typeof value === 'boolean' || value === undefined ? String(value) : value;
    }),
  );
  return { columns, rows };
}

import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDbWarehouse } from '../../db/duckdb-warehouse.ts';
import { semanticQueryShape } from '../../semantic-layer/query/semantic-query-shape.ts';
import { EXAMPLE_DIR, openExampleWarehouse } from './example-model.ts';
import { readExpectedAnswers, runExpectedSql } from './expected-answers.ts';
import { generateBikeRentalData } from './generate-data.ts';

const answers = readExpectedAnswers();

describe('expected.json of the bike-rental example', () => {
  let warehouse: DuckDbWarehouse;
  beforeAll(async () => {
    warehouse = await openExampleWarehouse();
  });
  afterAll(() => warehouse.close());

  it('has at least five questions, each with a full semantic query', () => {
    expect(answers.questions.length).toBeGreaterThanOrEqual(5);
    for (const question of answers.questions)
      expect(() => semanticQueryShape.parse(question.query)).not.toThrow();
  });

  it.each(answers.questions.map((q) => [q.id, q] as const))(
    '%s: the stored rows are what its SQL gives',
    async (_, q) => {
      const computed = await runExpectedSql(warehouse, q.sql);
      expect(q.rows.length).toBeGreaterThan(0);
      expect(computed).toEqual({ columns: q.columns, rows: q.rows });
    },
  );

  it('the committed CSV files are exactly what the generator writes', () => {
    const out = mkdtempSync(join(tmpdir(), 'bike-rental-data-'));
    const counts = generateBikeRentalData(out);
    expect(counts.rentals).toBeGreaterThan(2000);
    const files = readdirSync(join(EXAMPLE_DIR, 'data')).sort();
    expect(readdirSync(out).sort()).toEqual(files);
    for (const file of files) {
      expect(readFileSync(join(out, file), 'utf8'), file).toBe(
        readFileSync(join(EXAMPLE_DIR, 'data', file), 'utf8'),
      );
    }
  });
});

/**
 * Recomputes the rows of expected.json from its hand-written SQL over the CSV files:
 *   npx tsx examples/bike-rental/write-expected.ts
 */
import { writeFileSync } from 'node:fs';
import { openExampleWarehouse } from './example-model.ts';
import { EXPECTED_PATH, readExpectedAnswers, runExpectedSql } from './expected-answers.ts';

async function main(): Promise<void> {
  const answers = readExpectedAnswers();
  const warehouse = await openExampleWarehouse();
  try {
    for (const question of answers.questions)
      Object.assign(question, await runExpectedSql(warehouse, question.sql));
  } finally {
    await warehouse.close();
  }
  writeFileSync(EXPECTED_PATH, `${JSON.stringify(answers, null, 2)}\n`);
  console.log(`wrote ${answers.questions.length} answers to ${EXPECTED_PATH}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

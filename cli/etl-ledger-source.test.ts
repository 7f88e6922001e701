/**
 * The ledger database as a pipeline source, end to end through the CLI: `npm start`'s steps
 * import the demo ledger into the ledger database, an expense recorded and confirmed with
 * `shoebox ledger record --yes` reaches curated.ledger_postings after `shoebox etl run` and moves
 * the expense figures by exactly its amount, and a second run changes nothing.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksumsOf, demoHomes, openHomeWarehouse, runCli } from './etl-test-support.ts';

let homes: Awaited<ReturnType<typeof demoHomes>>;
beforeAll(async () => {
  homes = await demoHomes(0.002);
}, 60_000);
afterAll(() => rmSync(homes.root, { recursive: true, force: true }));

/** Cents debited to expense accounts, from what the assistant reads (curated views only). */
async function expenseCents(home: string): Promise<{ cents: number; polish: number }> {
  const warehouse = await openHomeWarehouse(home);
  try {
    const { rows } = await warehouse.query(
      `SELECT CAST(ROUND(SUM(p.net_debit_amount) * 100) AS BIGINT) AS cents,
              SUM(CASE WHEN p.memo LIKE '%leather polish%' THEN 1 ELSE 0 END) AS polish
         FROM curated.ledger_postings p JOIN curated.accounts a ON a.account_code = p.account_code
        WHERE a.account_type = 'expense'`,
    );
    return { cents: Number(rows[0]?.cents), polish: Number(rows[0]?.polish) };
  } finally {
    await warehouse.close();
  }
}

describe('the ledger database as a pipeline source', () => {
  it('brings a confirmed expense into curated.ledger_postings on the next run, once', async () => {
    const home = homes.fresh('ledger');
    const first = await runCli(home, ['etl', 'run']);
    expect(first.code, first.output).toBe(0);
    expect(first.output).toMatch(/Imported \d+ demo ledger entries/);
    expect(first.output).toMatch(/Ledger: merged [\d,]+ rows \(chart_of_accounts \d+, journal_entries \d+/);
    // The catalog's dimension values were read after the run that changed the warehouse.
    const valuesFile = path.join(home, 'catalog-values.json');
    const values = JSON.parse(readFileSync(valuesFile, 'utf8'));
    const regionNames = readFileSync(path.join(home, 'demo', 'erp', 'regions.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[2]);
    const regionValues = values.dimensions
      .filter((d: { dimension: string }) => /region/.test(d.dimension))
      .flatMap((d: { values: string[] }) => d.values);
    expect(regionNames.some((name) => regionValues.includes(name))).toBe(true);
    const builtAfterFirst = statSync(valuesFile).mtimeMs;
    const before = await expenseCents(home);
    expect(before.cents).toBeGreaterThan(0);
    expect(before.polish).toBe(0);

    const posted = await runCli(home, [
      'ledger',
      'record',
      'record expense 120.50 for leather polish from Saphir, paid by card',
      '--yes',
    ]);
    expect(posted.code, posted.output).toBe(0);
    expect(posted.output).toMatch(/Posted LE\d+/);

    const second = await runCli(home, ['etl', 'run']);
    expect(second.code, second.output).toBe(0);
    expect(second.output).toMatch(
      /Ledger: merged 3 rows \(chart_of_accounts 0, journal_entries 1, journal_lines 2\)/,
    );
    expect(second.output).not.toContain('Imported');
    const after = await expenseCents(home);
    expect(after.polish).toBe(1);
    expect(after.cents - before.cents).toBe(12050);

    // SHOEBOX_NOW pins builtAt, so the file's own time tells a rewrite.
    const builtAfterSecond = statSync(valuesFile).mtimeMs;
    expect(builtAfterSecond).toBeGreaterThan(builtAfterFirst);
    const checksums = await checksumsOf(home);
    const third = await runCli(home, ['etl', 'run']);
    expect(third.code, third.output).toBe(0);
    expect(third.output).toContain('No changes in erp');
    expect(third.output).not.toContain('Ledger: merged');
    expect(await checksumsOf(home)).toEqual(checksums);
    // Nothing changed, so the catalog's values were not read again.
    expect(statSync(valuesFile).mtimeMs).toBe(builtAfterSecond);
  }, 180_000);
});

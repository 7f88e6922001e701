/**
 * The ledger source end to end, on PGlite and on the Postgres server: a small demo's ledger CSVs
 * imported as `shoebox ledger import-demo` does, extracted in batches through the source, give
 * the CSVs' rows (its table specs equal demo/ledger-tables.ts); then an expense recorded and
 * confirmed through the ledger service, and its reversal, arrive in the next batches; and the
 * reconcile figures equal the CSVs' own counts and sums. Lives in checks/ because glue/ may not
 * import ledger/ or demo/.
 */
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { ledgerTables } from '../demo/ledger-tables.ts';
import { readCsvObjects } from '../demo/read-csv.ts';
import type { ExtractSource, SourceRow, SourceValue } from '../glue/sources/extract-source.ts';
import { createLedgerDbSource } from '../glue/sources/ledger-db-source.ts';
import { importLedgerCsv } from '../ledger/import-ledger-csv.ts';
import type { LedgerActor } from '../ledger/ledger-actor.ts';
import { LedgerService } from '../ledger/ledger-service.ts';
import { describeLedgerEngines } from '../ledger/ledger-test-engines.ts';
import { saveChart } from '../ledger/save-chart.ts';
import { TEST_CHART } from '../ledger/test-chart.ts';

const finance: LedgerActor = { userId: 'fiona', roles: ['finance'], channel: { kind: 'cli' } };
const clock = fixedClock(new Date('2026-07-01T12:00:00Z'));
let demoDir = '';
let csv: Record<string, Record<string, string>[]> = {};

beforeAll(async () => {
  demoDir = await mkdtemp(join(tmpdir(), 'shoebox-ledger-source-'));
  await generateDemo({ seed: 11, scale: 0.01, asOf: '2026-06-30', outDir: demoDir });
  for (const name of ['chart_of_accounts', 'journal_entries', 'journal_lines']) {
    csv[name] = await readCsvObjects(join(demoDir, 'ledger', `${name}.csv`));
  }
}, 120_000);
afterAll(() => {
  rmSync(demoDir, { recursive: true, force: true });
  csv = {};
});

/** As the demo's CSV writer spells a value. */
function csvText(value: SourceValue): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 19).replace('T', ' ');
  return String(value);
}

async function extractAll(source: ExtractSource, table: string, since: bigint, size: number) {
  const spec = source.tables.find((t) => t.name === table);
  if (!spec) throw new Error(table);
  const rows: SourceRow[] = [];
  let watermark = since;
  for (;;) {
    const batch = await source.extractBatch(table, watermark, size);
    rows.push(...batch);
    const last = batch.at(-1);
    if (last) watermark = last[spec.watermarkColumn] as bigint;
    if (batch.length < size) return { rows, watermark };
  }
}

const asCsv = (rows: SourceRow[], columns: string[]) =>
  rows.map((r) => Object.fromEntries(columns.map((c) => [c, csvText(r[c] ?? null)])));

describe('ledger source tables', () => {
  it('have the demo ledger tables shape (the chart adds its watermark column)', () => {
    const source = createLedgerDbSource({} as never);
    const shapes = source.tables.map((t) => ({
      name: t.name,
      primaryKey: t.primaryKey,
      columns: t.columns.filter((c) => c.name !== 'row_version' || t.name !== 'chart_of_accounts'),
    }));
    const expected = ledgerTables.map((t) => ({
      name: t.name,
      primaryKey: [...t.primaryKey],
      columns: t.columns.map((c) => ({
        name: c.name,
        type: c.type,
        // the ledger keeps no change time for accounts
        nullable: c.nullable || (t.name === 'chart_of_accounts' && c.name === 'modified_at'),
      })),
    }));
    expect(shapes).toEqual(expected);
  });
});

describeLedgerEngines({ describe, beforeAll, afterAll }, 'ledger source on the demo ledger', (engine) => {
  let source: ExtractSource;
  const marks: Record<string, bigint> = {};

  beforeAll(async () => {
    await importLedgerCsv(engine().db, join(demoDir, 'ledger'), { actor: finance, at: clock.now() });
    source = createLedgerDbSource(engine().db);
  }, 120_000);

  it('gives the rows of the demo ledger CSVs', async () => {
    for (const table of ['journal_entries', 'journal_lines']) {
      const expected = csv[table] ?? [];
      const columns = Object.keys(expected[0] ?? {});
      const { rows, watermark } = await extractAll(source, table, 0n, 401);
      expect(rows).toHaveLength(expected.length);
      expect(asCsv(rows, columns)).toEqual(expected);
      marks[table] = watermark;
    }
    const chart = await extractAll(source, 'chart_of_accounts', 0n, 7);
    marks.chart_of_accounts = chart.watermark;
    const sorted = (text: string) =>
      text
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
        .sort()
        .join('; ');
    const comparable = (rows: Record<string, string>[]) =>
      rows
        .map(
          ({ modified_at: _ignored, row_version: _version, ...r }): Record<string, string> => ({
            ...r,
            synonyms: sorted(r.synonyms ?? ''),
          }),
        )
        .sort((a, b) => (a.account_code ?? '').localeCompare(b.account_code ?? ''));
    expect(comparable(asCsv(chart.rows, Object.keys(chart.rows[0] ?? {})))).toEqual(
      comparable(csv.chart_of_accounts ?? []),
    );
    expect(new Set(chart.rows.map((r) => r.row_version)).size).toBe(chart.rows.length);
    // caught up: nothing new on a second pass
    expect(await source.extractBatch('chart_of_accounts', chart.watermark, 7)).toEqual([]);
    expect(await source.extractBatch('journal_lines', marks.journal_lines ?? 0n, 401)).toEqual([]);
  });

  it('reconciles to the CSVs: entries per day, lines by debit and credit sums', async () => {
    const perDay = new Map<string, number>();
    for (const e of csv.journal_entries ?? [])
      perDay.set(e.entry_date ?? '', (perDay.get(e.entry_date ?? '') ?? 0) + 1);
    expect(await source.reconcileFigures('journal_entries')).toEqual(
      [...perDay].sort().map(([day, rows]) => ({ day, rows, sums: {} })),
    );
    const sum = (c: string) =>
      String((csv.journal_lines ?? []).reduce((s, l) => s + BigInt(l[c] ?? '0'), 0n));
    expect(await source.reconcileFigures('journal_lines')).toEqual([
      {
        day: null,
        rows: csv.journal_lines?.length,
        sums: { debit_minor: sum('debit_minor'), credit_minor: sum('credit_minor') },
      },
    ]);
  });

  it('brings a recorded expense, a grown chart and then a reversal in the next batches', async () => {
    await engine().db.transaction((tx) => saveChart(tx, TEST_CHART));
    const service = new LedgerService(engine().db, { clock });
    const outcome = await service.record(
      finance,
      'record expense 120.50 for shoe polish from Saphir, paid by card',
      {
        idempotencyKey: `source-${engine().kind}-1`,
      },
    );
    if (outcome.status !== 'draft') throw new Error(`expected a draft: ${JSON.stringify(outcome)}`);
    const posted = await service.confirm(finance, outcome.card.draftId, {
      idempotencyKey: `source-${engine().kind}-2`,
    });

    const entries = await extractAll(source, 'journal_entries', marks.journal_entries ?? 0n, 97);
    expect(entries.rows).toMatchObject([
      { entry_number: posted.entryNumber, entry_date: '2026-07-01', currency: 'USD' },
    ]);
    const lines = await extractAll(source, 'journal_lines', marks.journal_lines ?? 0n, 97);
    expect(lines.rows.map((l) => [l.account_code, l.debit_minor, l.credit_minor])).toEqual(
      posted.lines.map((l) => [
        l.accountCode,
        BigInt(Math.max(l.amountMinor, 0)),
        BigInt(Math.max(-l.amountMinor, 0)),
      ]),
    );
    expect(lines.rows.map((l) => l.journal_entry_id)).toEqual(
      lines.rows.map(() => Number(entries.rows[0]?.journal_entry_id)),
    );

    const chart = await extractAll(source, 'chart_of_accounts', marks.chart_of_accounts ?? 0n, 7);
    expect(chart.watermark > (marks.chart_of_accounts ?? 0n)).toBe(true);
    expect(chart.rows.find((r) => r.account_code === '6200')?.synonyms).toContain('shoe polish');

    await service.reverse(finance, posted.entryNumber, {
      idempotencyKey: `source-${engine().kind}-3`,
      reason: 'typo',
    });
    const reversal = await extractAll(source, 'journal_entries', entries.watermark, 97);
    expect(reversal.rows).toMatchObject([{ memo: `Reversal of ${posted.entryNumber}: typo` }]);
    const reversed = await extractAll(source, 'journal_lines', lines.watermark, 97);
    expect(reversed.rows.map((l) => [l.account_code, l.debit_minor, l.credit_minor])).toEqual(
      lines.rows.map((l) => [l.account_code, l.credit_minor, l.debit_minor]),
    );
    const [figures] = await source.reconcileFigures('journal_lines');
    expect(figures?.sums.debit_minor).toBe(figures?.sums.credit_minor);
  });
});

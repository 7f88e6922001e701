/**
 * Ledger benchmarks: confirmed-write latency (p95 of `confirm`, which posts the entry with its
 * audit row and idempotency key) on PGlite and on the Postgres server at DATABASE_URL, and a batch
 * import of 1,000 entries (CSV parse included). Each run uses a throwaway directory or database.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../core/clock.ts';
import { messageOf } from '../../core/coded-error.ts';
import type { LedgerDb } from '../../db/ledger-db.ts';
import { openLedgerDb } from '../../db/open-ledger-db.ts';
import { createTestDatabase } from '../../db/test-postgres.ts';
import { importLedgerCsv } from '../../ledger/import-ledger-csv.ts';
import type { LedgerActor } from '../../ledger/ledger-actor.ts';
import { LedgerService } from '../../ledger/ledger-service.ts';
import { migrateLedger } from '../../ledger/migrate-ledger.ts';
import { saveChart } from '../../ledger/save-chart.ts';
import { atMost, type BenchmarkRow } from './benchmark-row.ts';

const WRITES = 200;
const WARM_UP = 20;
const IMPORT_ENTRIES = 1000;
const actor: LedgerActor = { userId: 'bench', roles: ['finance'], channel: { kind: 'cli' } };
const chart = [
  { code: '1010', name: 'Bank', accountType: 'asset' as const, synonyms: ['cash'] },
  { code: '6900', name: 'Office supplies', accountType: 'expense' as const, synonyms: ['stationery'] },
];

async function confirmLatency(db: LedgerDb): Promise<{ p50: number; p95: number }> {
  await migrateLedger(db);
  await db.transaction((tx) => saveChart(tx, chart));
  const service = new LedgerService(db, { clock: fixedClock(new Date('2026-11-20T12:00:00Z')) });
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + WRITES; i += 1) {
    const draft = {
      kind: 'expense',
      amountMinor: 100 + i,
      currency: 'USD',
      entryDate: '2026-11-20',
      debitAccount: '6900',
      creditAccount: '1010',
      counterparty: 'Acme',
      memo: `bench ${i}`,
    };
    const card = await service.draft(actor, draft, { idempotencyKey: `bench-draft-${i}` });
    const started = performance.now();
    await service.confirm(actor, card.draftId, { idempotencyKey: `bench-confirm-${i}` });
    if (i >= WARM_UP) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.ceil(q * times.length) - 1] as number;
  return { p50: at(0.5), p95: at(0.95) };
}

function latencyText(latency: { p50: number; p95: number }): string {
  return `${latency.p95.toFixed(2)} ms (p50 ${latency.p50.toFixed(2)} ms)`;
}

async function writeImportFiles(dir: string): Promise<void> {
  const entries = [
    'journal_entry_id,entry_number,entry_date,source,reference,memo,currency,created_by,created_at',
  ];
  const lines = [
    'journal_line_id,journal_entry_id,line_number,account_code,cost_center,debit_minor,credit_minor,currency',
  ];
  for (let i = 1; i <= IMPORT_ENTRIES; i += 1) {
    entries.push(
      `${i},BE${String(i).padStart(8, '0')},2026-01-${String((i % 28) + 1).padStart(2, '0')},bench,,Bench entry ${i},USD,bench,2026-01-01 00:00:00`,
    );
    lines.push(`${2 * i - 1},${i},1,6900,,${1000 + i},0,USD`, `${2 * i},${i},2,1010,,0,${1000 + i},USD`);
  }
  const accounts = [
    'account_code,account_name,account_type,normal_balance,synonyms,description,modified_at',
    '1010,Bank,asset,debit,cash,,2021-01-01 00:00:00',
    '6900,Office supplies,expense,debit,stationery,,2021-01-01 00:00:00',
  ];
  await writeFile(path.join(dir, 'chart_of_accounts.csv'), `${accounts.join('\n')}\n`);
  await writeFile(path.join(dir, 'journal_entries.csv'), `${entries.join('\n')}\n`);
  await writeFile(path.join(dir, 'journal_lines.csv'), `${lines.join('\n')}\n`);
}

async function importSeconds(db: LedgerDb, csvDir: string): Promise<number> {
  await migrateLedger(db);
  const started = performance.now();
  const result = await importLedgerCsv(db, csvDir, { actor, at: new Date() });
  if (result.inserted !== IMPORT_ENTRIES)
    throw new Error(`imported ${result.inserted} of ${IMPORT_ENTRIES} entries`);
  return (performance.now() - started) / 1000;
}

async function onPostgres<T>(work: (db: LedgerDb) => Promise<T>): Promise<T> {
  const { url, drop } = await createTestDatabase('ledger_bench');
  const db = await openLedgerDb(url);
  try {
    return await work(db);
  } finally {
    await db.close();
    await drop();
  }
}

export async function ledgerBenchmarks(): Promise<BenchmarkRow[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shoebox-ledger-bench-'));
  const csvDir = path.join(dir, 'csv');
  const rows: BenchmarkRow[] = [];
  try {
    await mkdir(csvDir);
    await writeImportFiles(csvDir);
    const pglite = await openLedgerDb(`pglite:${path.join(dir, 'ledger')}`);
    try {
      const latency = await confirmLatency(pglite);
      rows.push({
        name: `ledger: confirmed write p95 on PGlite (${WRITES} confirms)`,
        value: latencyText(latency),
        target: '< 5 ms',
        check: atMost(latency.p95, 5),
      });
      const importTook = await importSeconds(pglite, csvDir);
      rows.push({
        name: `ledger: batch import of ${IMPORT_ENTRIES.toLocaleString('en-US')} entries on PGlite`,
        value: `${importTook.toFixed(2)} s`,
        target: '< 1 s',
        check: atMost(importTook, 1),
      });
    } finally {
      await pglite.close();
    }
    try {
      const latency = await onPostgres(confirmLatency);
      rows.push({
        name: `ledger: confirmed write p95 on Postgres (${WRITES} confirms)`,
        value: latencyText(latency),
        target: '< 10 ms',
        check: atMost(latency.p95, 10),
      });
      const seconds = await onPostgres((db) => importSeconds(db, csvDir));
      rows.push({
        name: `ledger: batch import of ${IMPORT_ENTRIES.toLocaleString('en-US')} entries on Postgres`,
        value: `${seconds.toFixed(2)} s`,
        target: '< 1 s',
        check: atMost(seconds, 1),
      });
    } catch (error) {
      rows.push({
        name: 'ledger: Postgres benchmarks',
        value: `not run: ${messageOf(error)}`,
        target: '< 10 ms',
      });
    }
    return rows;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

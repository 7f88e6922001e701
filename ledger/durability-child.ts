/**
 * Test helper run as a child process (node --import tsx): opens the ledger at argv[2], confirms
 * one entry, prints its id and then idles until the parent kills it with SIGKILL, so nothing
 * after the COMMIT (no close, no flush at exit) can help the entry survive.
 */
import { fixedClock } from '../core/clock.ts';
import { openLedgerDb } from '../db/open-ledger-db.ts';
import { LedgerService } from './ledger-service.ts';
import { migrateLedger } from './migrate-ledger.ts';
import { saveChart } from './save-chart.ts';
import { TEST_CHART } from './test-chart.ts';

const url = process.argv[2] as string;
const db = await openLedgerDb(url);
await migrateLedger(db);
await db.transaction((tx) => saveChart(tx, TEST_CHART));
const service = new LedgerService(db, { clock: fixedClock(new Date('2026-11-20T12:00:00Z')) });
const actor = { userId: 'child', roles: ['finance'], channel: { kind: 'cli' as const } };
const outcome = await service.record(actor, 'record expense 12.34 for stationery, cash', {
  idempotencyKey: `child-${process.pid}`,
});
if (outcome.status !== 'draft') throw new Error('the child could not draft');
const entry = await service.confirm(actor, outcome.card.draftId, {
  idempotencyKey: `child-confirm-${process.pid}`,
});
process.stdout.write(`ENTRY ${entry.entryId} ${entry.entryNumber}\n`);
setInterval(() => undefined, 60_000);

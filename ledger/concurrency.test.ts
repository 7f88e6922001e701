/**
 * 50 clients (50 connections) post at once against Postgres: the same draft request with one
 * idempotency key gives one draft; confirming it with one shared key, and again with 50 different
 * keys, gives exactly one entry. Prints what it measured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.ts';
import { PostgresLedgerDb } from '../db/postgres-ledger-db.ts';
import { createTestDatabase } from '../db/test-postgres.ts';
import type { LedgerActor } from './ledger-actor.ts';
import { LedgerService } from './ledger-service.ts';
import { migrateLedger } from './migrate-ledger.ts';
import { saveChart } from './save-chart.ts';
import { TEST_CHART } from './test-chart.ts';

const CLIENTS = 50;
const clock = fixedClock(new Date('2026-11-20T12:00:00Z'));
const actor: LedgerActor = { userId: 'fiona', roles: ['finance'], channel: { kind: 'web' } };

describe(`${CLIENTS} concurrent clients on Postgres`, () => {
  let drop: () => Promise<void>;
  let clients: PostgresLedgerDb[];
  let services: LedgerService[];

  beforeAll(async () => {
    const created = await createTestDatabase('ledger_race');
    drop = created.drop;
    clients = Array.from({ length: CLIENTS }, () => new PostgresLedgerDb(created.url, { maxConnections: 1 }));
    const first = clients[0] as PostgresLedgerDb;
    await migrateLedger(first);
    await first.transaction((tx) => saveChart(tx, TEST_CHART));
    services = clients.map((db) => new LedgerService(db, { clock }));
    // Open every connection before the race, so the race measures writes, not connects.
    await Promise.all(clients.map((db) => db.query('SELECT 1')));
  });
  afterAll(async () => {
    await Promise.all(clients.map((db) => db.close()));
    await drop();
  });

  const count = async (sql: string) =>
    Number((await (clients[0] as PostgresLedgerDb).query<{ n: number }>(sql)).rows[0]?.n);

  it('post exactly one entry for one idempotency key', async () => {
    const started = performance.now();
    const latencies: number[] = [];
    const timed = async <T>(work: () => Promise<T>) => {
      const t = performance.now();
      const result = await work();
      latencies.push(performance.now() - t);
      return result;
    };
    const drafts = await Promise.all(
      services.map((s) =>
        timed(() =>
          s.record(actor, 'record expense 50 for stationery, cash', { idempotencyKey: 'race-draft' }),
        ),
      ),
    );
    const draftIds = new Set(drafts.map((d) => (d.status === 'draft' ? d.card.draftId : 'question')));
    expect(draftIds.size).toBe(1);
    const draftId = [...draftIds][0] as string;
    const sameKey = await Promise.all(
      services.map((s) => timed(() => s.confirm(actor, draftId, { idempotencyKey: 'race-confirm' }))),
    );
    const otherKeys = await Promise.all(
      services.map((s, i) => timed(() => s.confirm(actor, draftId, { idempotencyKey: `race-confirm-${i}` }))),
    );
    const elapsed = performance.now() - started;
    const entryIds = new Set([...sameKey, ...otherKeys].map((e) => e.entryId));
    expect(entryIds.size).toBe(1);
    expect(await count('SELECT count(*) AS n FROM ledger_entries')).toBe(1);
    expect(await count('SELECT count(*) AS n FROM ledger_postings')).toBe(2);
    expect(await count('SELECT count(*) AS n FROM ledger_drafts')).toBe(1);
    // One audit row for the draft and one for the confirm: replays and late confirms write none.
    expect(await count('SELECT count(*) AS n FROM ledger_requests')).toBe(2);
    latencies.sort((a, b) => a - b);
    const p = (q: number) =>
      (latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] as number).toFixed(1);
    console.info(
      `[concurrency] ${CLIENTS} clients x 3 rounds (draft, confirm same key, confirm 50 keys): ${latencies.length} calls in ${elapsed.toFixed(0)} ms; ` +
        `1 draft, 1 entry, 2 postings; latency p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, max ${p(1)} ms`,
    );
  });
});

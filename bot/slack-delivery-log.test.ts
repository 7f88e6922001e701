/**
 * The delivery log on both engines (PGlite in memory and the Postgres server at DATABASE_URL):
 * one claim per key, also when claims race (Postgres, two connections), kept across a restart
 * (the database closed and opened again), and a stale unfinished claim may be taken again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDb, openAppDb } from '../db/app-db.ts';
import { openLedgerDb } from '../db/open-ledger-db.ts';
import { createTestDatabase } from '../db/test-postgres.ts';
import { deliveryKey } from './delivery-key.ts';
import { SlackDeliveryLog } from './slack-delivery-log.ts';

const engines = [
  {
    kind: 'pglite',
    open: async () => ({
      url: 'pglite:memory:',
      db: await openAppDb('pglite:memory:'),
      drop: async () => {},
    }),
  },
  {
    kind: 'postgres',
    open: async () => {
      const { url, drop } = await createTestDatabase('slack');
      return { url, db: await openAppDb(url), drop };
    },
  },
] as const;

for (const engine of engines) {
  describe(`SlackDeliveryLog (${engine.kind})`, () => {
    let db: AppDb;
    let url: string;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ db, url, drop } = await engine.open());
    });
    afterAll(async () => {
      await db?.close();
      await drop?.();
    });

    it('claims a key once; a retry of the same event finds it claimed', async () => {
      const log = new SlackDeliveryLog(db);
      const { key, kind } = deliveryKey({ event_id: 'Ev01', type: 'event_callback' });
      expect(key).toBe('event:Ev01');
      expect(await log.claim(key, kind)).toBe(true);
      expect(await log.claim(key, kind)).toBe(false);
      await log.complete(key);
      expect(await log.claim(key, kind)).toBe(false);
    });

    it('gives exactly one of many concurrent claims', async () => {
      const log = new SlackDeliveryLog(db);
      const second = engine.kind === 'postgres' ? await openLedgerDb(url) : db;
      try {
        const other = new SlackDeliveryLog(second);
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, i) => (i % 2 ? other : log).claim('event:EvRace', 'event')),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
      } finally {
        if (second !== db) await second.close();
      }
    });

    it('keeps claims across a restart (the database closed and opened again)', async () => {
      const dir = engine.kind === 'pglite' ? mkdtempSync(join(tmpdir(), 'shoebox-slack-')) : null;
      const target = dir ? `pglite:${dir}` : url;
      try {
        const first = dir ? await openAppDb(target) : db;
        expect(await new SlackDeliveryLog(first).claim('event:EvRestart', 'event')).toBe(true);
        if (dir) await first.close();
        const reopened = await openAppDb(target);
        try {
          expect(await new SlackDeliveryLog(reopened).claim('event:EvRestart', 'event')).toBe(false);
        } finally {
          await reopened.close();
        }
      } finally {
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    });

    it('lets a stale unfinished claim be taken again, never a completed one', async () => {
      let now = new Date('2026-06-30T12:00:00Z');
      const log = new SlackDeliveryLog(db, { staleMs: 60_000, now: () => now });
      expect(await log.claim('event:EvStale', 'event')).toBe(true);
      expect(await log.claim('event:EvDone', 'event')).toBe(true);
      await log.complete('event:EvDone');
      now = new Date('2026-06-30T12:00:30Z');
      expect(await log.claim('event:EvStale', 'event')).toBe(false);
      now = new Date('2026-06-30T12:02:00Z');
      expect(await log.claim('event:EvStale', 'event')).toBe(true);
      expect(await log.claim('event:EvDone', 'event')).toBe(false);
    });

    it('keys interactions by trigger id, or by a hash of the payload when there is none', () => {
      expect(deliveryKey({ type: 'block_actions', trigger_id: 't.1' })).toEqual({
        key: 'block_actions:t.1',
        kind: 'block_actions',
      });
      expect(deliveryKey({ command: '/shoebox', trigger_id: 't.2' })).toEqual({
        key: 'command:t.2',
        kind: 'command',
      });
      const a = deliveryKey({ type: 'block_actions', actions: [{ action_ts: '1' }] });
      expect(a.key).toMatch(/^block_actions:sha256:[0-9a-f]{32}$/);
      expect(deliveryKey({ type: 'block_actions', actions: [{ action_ts: '1' }] })).toEqual(a);
      expect(deliveryKey({ type: 'block_actions', actions: [{ action_ts: '2' }] }).key).not.toBe(a.key);
    });
  });
}

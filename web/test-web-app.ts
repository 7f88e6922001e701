/**
 * Test support: the web app on a free port over real engines: an app database and a ledger
 * (PGlite in a temporary folder, or a Postgres URL shared by several instances), a DuckDB
 * warehouse with the warehouse schema (for uploads), one user per role with known passwords, and
 * an HTTP client that keeps cookies and reads the page's CSRF token. The assistant is the
 * scripted fake: these tests are about the platform and the finance pages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AssistantRuntime } from '../assistant/assistant-runtime.ts';
import { createFakeAssistant } from '../assistant/test-fake-assistant.ts';
import { type Clock, fixedClock } from '../core/clock.ts';
import { createLogger } from '../core/logger.ts';
import { type AppDb, openAppDb } from '../db/app-db.ts';
import { openLedgerDb } from '../db/open-ledger-db.ts';
import { openWarehouse } from '../db/open-warehouse.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { readWarehouseSql } from '../glue/warehouse-sql.ts';
import { LedgerService } from '../ledger/ledger-service.ts';
import { migrateLedger } from '../ledger/migrate-ledger.ts';
import { saveChart } from '../ledger/save-chart.ts';
import { TEST_CHART } from '../ledger/test-chart.ts';
import { UserStore } from './auth/user-store.ts';
import type { FeatureRouter } from './create-web-app.ts';
import { createRequestLogger } from './platform/request-context.ts';
import { type RunningWebServer, startWebServer } from './start-web-server.ts';
import type { WebRole } from './web-contract.ts';
import type { WebSettings } from './web-settings.ts';

export const TEST_PASSWORD = 'correct horse battery';
export const TEST_NOW = new Date('2026-11-20T15:00:00Z');

export interface TestEngines {
  appDb: AppDb;
  ledger: LedgerService;
  warehouse: Warehouse;
  clock: Clock;
  close(): Promise<void>;
}

/** App database and ledger at `dbUrl` (a temporary PGlite folder by default), a DuckDB warehouse. */
export async function openTestEngines(dbUrl?: string): Promise<TestEngines> {
  const dir = mkdtempSync(join(tmpdir(), 'shoebox-web-'));
  const url = dbUrl ?? `pglite:${join(dir, 'db')}`;
  const ledgerDb = await openLedgerDb(url);
  await migrateLedger(ledgerDb);
  await ledgerDb.transaction((tx) => saveChart(tx, TEST_CHART));
  const appDb = await openAppDb(url);
  const warehouse = await openWarehouse(`duckdb:${join(dir, 'w.duckdb')}`);
  await warehouse.execute(readWarehouseSql(warehouse.dialect, 'schema.sql'));
  await warehouse.execute(
    "INSERT INTO dw.dim_account VALUES ('6300', 'Marketing and advertising', 'expense', 'debit', NULL, NULL)",
  );
  const clock = fixedClock(TEST_NOW);
  return {
    appDb,
    ledger: new LedgerService(ledgerDb, { clock }),
    warehouse,
    clock,
    close: async () => {
      await warehouse.close();
      await appDb.close();
      await ledgerDb.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One user per role, username = role; idempotent (several instances may share the database). */
export async function addTestUsers(appDb: AppDb): Promise<void> {
  const users = new UserStore(appDb);
  for (const role of ['manager', 'finance', 'admin'] as WebRole[]) {
    if (!(await users.exists(role))) {
      await users.add({
        username: role,
        displayName: `Test ${role}`,
        password: TEST_PASSWORD,
        roles: [role],
      });
    }
  }
}

export function testRuntime(engines: TestEngines): AssistantRuntime {
  const runtime = {
    assistant: createFakeAssistant((request) => ({ text: `You asked: ${request.question}` })),
    ledger: engines.ledger,
    appDb: engines.appDb,
    warehouse: engines.warehouse,
    providerName: 'fake',
    refresh: async () => {},
    close: async () => {},
  };
  // The platform reads only these fields; the chat work's tests use the full runtime.
  return runtime as unknown as AssistantRuntime;
}

export interface TestWebApp extends RunningWebServer {
  engines: TestEngines;
}

export async function startTestWebApp(
  options: {
    engines?: TestEngines;
    settings?: Partial<WebSettings>;
    featureRouters?: FeatureRouter[];
    homePath?: string;
    /** Receives the request log (pino JSON lines). */
    logLines?: string[];
  } = {},
): Promise<TestWebApp> {
  const engines = options.engines ?? (await openTestEngines());
  await addTestUsers(engines.appDb);
  const destination = {
    write: (line: string) => {
      options.logLines?.push(line);
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  const server = await startWebServer({
    port: 0,
    deps: {
      runtime: testRuntime(engines),
      appDb: engines.appDb,
      log: createLogger({ write: () => {} }),
      clock: engines.clock,
    },
    settings: options.settings ?? {},
    featureRouters: options.featureRouters ?? [],
    homePath: options.homePath ?? '/finance',
    requestLog: createRequestLogger({ destination }),
    status: async () => ({
      dataset: 'Test data <Co>',
      period: { first: '2024-01-01', last: '2026-11-20' },
      warehouse: engines.warehouse.description,
      tables: [{ schema: 'erp', name: 'sales_orders', rows: 12345 }],
      lastLoadedAt: undefined,
    }),
  });
  return {
    ...server,
    engines,
    close: async () => {
      await server.close();
      if (!options.engines) await engines.close();
    },
  };
}

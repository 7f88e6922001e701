/**
 * Test support: the feature app with a dashboard over a real warehouse. The caller gives the tool
 * context (a fixture's or the demo's); the freshness the context reports can be changed to
 * simulate a new load, and the warehouse's queries are counted to see the cache work.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeAssistant } from '../../assistant/test-fake-assistant.ts';
import { createLogger } from '../../core/logger.ts';
import type { AppDb } from '../../db/app-db.ts';
import { createArtifactStore } from '../../tools/artifact-store.ts';
import type { SourceFreshness } from '../../tools/freshness.ts';
import type { ToolContext } from '../../tools/tool.ts';
import { createMemoryStores } from '../test-app-stores.ts';
import { createFeatureApp } from '../test-feature-app.ts';
import { createTestRuntime } from '../test-web-runtime.ts';
import type { DashboardRouterOptions } from './create-dashboard-router.ts';

export interface RunningDashboard {
  url: string;
  /** Replace to simulate a new load. */
  freshness: SourceFreshness[];
  /** Warehouse queries run so far. */
  queries: number;
  logs: string[];
  close(): Promise<void>;
}

export async function startDashboardApp(
  base: ToolContext,
  options: DashboardRouterOptions,
): Promise<RunningDashboard> {
  const state: RunningDashboard = {
    url: '',
    freshness: [{ source: 'erp', lastLoadedAt: '2025-03-15T02:00:00.000Z', loads: 1 }],
    queries: 0,
    logs: [],
    close: async () => {},
  };
  const warehouse = Object.create(base.warehouse) as ToolContext['warehouse'];
  warehouse.query = (...args: Parameters<ToolContext['warehouse']['query']>) => {
    state.queries += 1;
    return base.warehouse.query(...args);
  };
  const runtime = createTestRuntime({
    assistant: createFakeAssistant(() => ({ text: 'unused' })),
    stores: createMemoryStores(),
    toolContext: (caller, requestId) => ({
      ...base,
      caller,
      requestId,
      warehouse,
      artifacts: createArtifactStore(),
      freshness: async () => state.freshness,
    }),
  });
  const log = createLogger({ level: 'info', write: (line) => state.logs.push(line) });
  const app = createFeatureApp(
    { runtime, appDb: undefined as unknown as AppDb, log, clock: base.clock },
    { dashboard: options },
  );
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () => new Promise((done) => server.close(() => done()));
  return state;
}

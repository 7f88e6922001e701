/**
 * Test helper: a tool context over a real DuckDB warehouse holding the compiler's trap fixture
 * (model and data from semantic-layer/compiler/test-fixtures), its catalog and value index. The
 * clock is the fixture's (2025-03-15). Runtime folders may not import vitest: tests pass hooks.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../core/clock.ts';
import { openWarehouse } from '../db/open-warehouse.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { buildCatalogIndex } from '../semantic-layer/catalog/catalog-index.ts';
import { indexDimensionValues } from '../semantic-layer/catalog/index-dimension-values.ts';
import { loadTrapFixture, trapFixtureModel } from '../semantic-layer/compiler/test-fixtures/trap-fixture.ts';
import { createArtifactStore } from './artifact-store.ts';
import type { SourceFreshness } from './freshness.ts';
import { type Caller, DEFAULT_TOOL_LIMITS, type ToolContext } from './tool.ts';

export const TEST_CLOCK = fixedClock(new Date('2025-03-15T12:00:00Z'));

export const analyst: Caller = { userId: 'ana', roles: ['analyst'], channel: { kind: 'web' } };
export const viewer: Caller = { userId: 'vic', roles: ['viewer'], channel: { kind: 'cli' } };
export const financeCaller: Caller = {
  userId: 'fiona',
  roles: ['finance'],
  channel: { kind: 'slack', teamId: 'T1', channelId: 'C1', messageTs: '1.1' },
};

export interface TestWarehouse {
  warehouse: Warehouse;
  close(): Promise<void>;
}

/** A DuckDB file in a temporary folder, filled by `statements` (the trap fixture by default). */
export async function openFixtureWarehouse(statements?: readonly string[]): Promise<TestWarehouse> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'shoebox-tools-'));
  const warehouse = await openWarehouse(`duckdb:${path.join(dir, 'fixture.duckdb')}`);
  if (statements) for (const s of statements) await warehouse.execute(s);
  else await loadTrapFixture(warehouse);
  return {
    warehouse,
    close: async () => {
      await warehouse.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function fixtureContext(
  warehouse: Warehouse,
  overrides: Partial<ToolContext> = {},
): Promise<ToolContext> {
  const model = trapFixtureModel();
  const dimensionValues = await indexDimensionValues(warehouse, model, {
    curatedSchema: 'fx',
    clock: TEST_CLOCK,
  });
  const freshness: SourceFreshness[] = [
    { source: 'erp', lastLoadedAt: '2025-03-15T02:00:00.000Z', loads: 3 },
  ];
  return {
    caller: analyst,
    requestId: 'turn-1',
    warehouse,
    model,
    catalog: buildCatalogIndex(model, dimensionValues),
    dimensionValues,
    ledger: undefined,
    freshness: async () => freshness,
    clock: TEST_CLOCK,
    fiscalYearStartMonth: 1,
    limits: DEFAULT_TOOL_LIMITS,
    artifacts: createArtifactStore(),
    ...overrides,
  };
}

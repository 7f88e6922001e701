/**
 * Everything a surface needs to answer questions, opened once per process from the settings: the
 * warehouse (read-only use), the semantic model, its catalog and value index, the ledger, the app
 * database and its stores, the model provider (OpenAI when configured, else offline), the offline
 * planner, the freshness reader, and the assistant itself. The ledger and the app database share
 * one PGlite handle when they name the same directory (db/shared-handles.ts).
 */
import { existsSync } from 'node:fs';
import { loadChartEngines } from '../charts/render-chart.ts';
import { CodedError, ErrorCode, messageOf } from '../core/coded-error.ts';
import { type AppDb, openAppDb } from '../db/app-db.ts';
import { readLoadFreshness } from '../db/data-freshness.ts';
import { openLedgerDb } from '../db/open-ledger-db.ts';
import { openWarehouse } from '../db/open-warehouse.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { LedgerService } from '../ledger/ledger-service.ts';
import { migrateLedger } from '../ledger/migrate-ledger.ts';
import { buildCatalogIndex, type CatalogIndex } from '../semantic-layer/catalog/catalog-index.ts';
import {
  catalogValuesFile,
  type DimensionValueIndex,
  loadDimensionValueIndex,
} from '../semantic-layer/catalog/dimension-value-index.ts';
import { compileQuery } from '../semantic-layer/compiler/compile-query.ts';
import { loadSemanticModel } from '../semantic-layer/validate/validate-semantic-model.ts';
import { type ArtifactStore, createArtifactStore } from '../tools/artifact-store.ts';
import { DEFAULT_TOOL_LIMITS, type ToolContext } from '../tools/tool.ts';
import type { AssistantRuntime, OpenAssistantRuntimeOptions } from './assistant-runtime.ts';
import { createAssistant } from './loop/create-assistant.ts';
import { createAppStores } from './memory/open-app-stores.ts';
import { createOfflinePlanner } from './planner/create-offline-planner.ts';
import type { Planner } from './planner/plan.ts';
import type { ModelProvider } from './providers/model-provider.ts';

// The OpenAI SDK is imported only when it is chosen: offline answers do not pay for loading it.
async function chooseProvider(options: OpenAssistantRuntimeOptions): Promise<ModelProvider | undefined> {
  const choice = options.provider ?? 'auto';
  const { openai } = options.config;
  const configured = Boolean(openai.apiKey || openai.baseUrl);
  if (choice === 'offline' || (choice === 'auto' && !configured)) return undefined;
  if (!configured)
    throw new CodedError(
      ErrorCode.ModelNotConfigured,
      'The OpenAI provider was asked for, but neither OPENAI_API_KEY nor OPENAI_BASE_URL is set.',
    );
  const { openAiProviderFromConfig } = await import('./providers/openai-provider.ts');
  return openAiProviderFromConfig(options.config, options.log);
}

export async function openAssistantRuntime(options: OpenAssistantRuntimeOptions): Promise<AssistantRuntime> {
  const { config, log } = options;
  const provider = await chooseProvider(options);
  const model = options.model ?? loadSemanticModel(config.semanticModelDir);
  const opened: { close(): Promise<void> }[] = [];
  try {
    // The warehouse (a native engine), the ledger (PGlite's WASM) and the chart engines (vega,
    // sharp) load side by side: together they are most of the first answer's time in a new
    // process. Charts failing to load is not fatal here: an answer then comes without its chart.
    const [warehouseOpened, ledgerOpened] = await Promise.allSettled([
      options.warehouse ??
        openWarehouse(config.warehouseUrl, {
          home: config.home,
          copyIamRole: config.redshiftCopyIamRole,
          region: config.awsRegion,
        }),
      openLedgerDb(config.ledgerUrl, { home: config.home }),
      loadChartEngines().catch((error: unknown) =>
        log.warn(`Charts could not be loaded; answers will come without them: ${messageOf(error)}`),
      ),
    ]);
    if (warehouseOpened.status === 'fulfilled' && !options.warehouse) opened.push(warehouseOpened.value);
    if (ledgerOpened.status === 'fulfilled') opened.push(ledgerOpened.value);
    if (warehouseOpened.status === 'rejected') throw warehouseOpened.reason;
    if (ledgerOpened.status === 'rejected') throw ledgerOpened.reason;
    const warehouse: Warehouse = warehouseOpened.value;
    const ledgerDb = ledgerOpened.value;
    await migrateLedger(ledgerDb);
    const ledger = new LedgerService(ledgerDb, { clock: config.clock });
    const appDb: AppDb = options.appDb ?? (await openAppDb(config.appDatabaseUrl, { home: config.home }));
    if (!options.appDb) opened.push(appDb);
    const clock = config.clock;
    const fiscalYearStartMonth = config.fiscalYearStartMonth;
    const stores = createAppStores(appDb, {
      clock,
      validateQuery: (query) =>
        void compileQuery(model, query, { dialect: warehouse.dialect, clock, fiscalYearStartMonth }),
    });

    // Set by refresh() below, before anything can read them.
    let values: DimensionValueIndex | undefined;
    let catalog: CatalogIndex = undefined as unknown as CatalogIndex;
    let planner: Planner = undefined as unknown as Planner;
    const refresh = async () => {
      const file = catalogValuesFile(config.home);
      values = existsSync(file) ? await loadDimensionValueIndex(file) : undefined;
      catalog = buildCatalogIndex(model, values);
      const saved = await stores.verifiedQueries.list();
      planner = createOfflinePlanner({
        model,
        catalog,
        dimensionValues: values,
        clock,
        fiscalYearStartMonth,
        extraVerifiedQueries: saved.map((v) => ({ question: v.question, query: v.query })),
      });
    };
    await refresh();

    const toolContext = (
      caller: ToolContext['caller'],
      requestId: string,
      artifacts: ArtifactStore = createArtifactStore(),
    ): ToolContext => ({
      caller,
      requestId,
      warehouse,
      model,
      catalog,
      dimensionValues: values,
      ledger,
      freshness: () => readLoadFreshness(warehouse),
      clock,
      fiscalYearStartMonth,
      limits: DEFAULT_TOOL_LIMITS,
      artifacts,
    });
    const assistant = createAssistant({
      // The planner is re-created by refresh(): read it at each turn.
      planner: { plan: (input) => planner.plan(input), starterQuestions: () => planner.starterQuestions() },
      threads: stores.threads,
      model,
      toolContext,
      provider,
      clock,
      log,
    });
    return {
      assistant,
      stores,
      ledger,
      get planner() {
        return planner;
      },
      model,
      warehouse,
      appDb,
      providerName: provider?.name ?? 'offline',
      toolContext: (caller, requestId) => toolContext(caller, requestId),
      refresh,
      async close() {
        for (const item of opened.reverse()) await item.close();
      },
    };
  } catch (error) {
    for (const item of opened.reverse()) await item.close().catch(() => undefined);
    throw error;
  }
}

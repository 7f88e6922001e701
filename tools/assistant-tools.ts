/** Every tool the assistant offers, in the order a model reads them. */
import { dataFreshnessTool } from './data-freshness-tool.ts';
import { draftTransactionTool } from './draft-transaction-tool.ts';
import { explainChangeTool } from './explain-change-tool.ts';
import { listDimensionValuesTool } from './list-dimension-values-tool.ts';
import { listTransactionsTool } from './list-transactions-tool.ts';
import { makeChartTool } from './make-chart-tool.ts';
import { queryMetricsTool } from './query-metrics-tool.ts';
import { searchCatalogTool } from './search-catalog-tool.ts';
import type { AnyTool, Caller } from './tool.ts';
import { hasToolRole } from './tool-roles.ts';

export const ASSISTANT_TOOLS: readonly AnyTool[] = [
  searchCatalogTool,
  queryMetricsTool,
  listDimensionValuesTool,
  explainChangeTool,
  makeChartTool,
  dataFreshnessTool,
  draftTransactionTool,
  listTransactionsTool,
];

/** The tools this caller may use: offer a model only these (runTool still checks each call). */
export function toolsFor(caller: Caller, tools: readonly AnyTool[] = ASSISTANT_TOOLS): AnyTool[] {
  return tools.filter((tool) => hasToolRole(caller.roles, tool.role));
}

export function findTool(name: string, tools: readonly AnyTool[] = ASSISTANT_TOOLS): AnyTool | undefined {
  return tools.find((tool) => tool.name === name);
}

/** What the person waiting sees while a tool runs ("Reading revenue by region..."). */

import { dimensionLabel, metricLabel } from '../../semantic-layer/model/member-labels.ts';
import type { SemanticLayerModel } from '../../semantic-layer/model/semantic-layer-model.ts';

export function statusFor(
  tool: string,
  args: Record<string, unknown> | undefined,
  model: SemanticLayerModel,
): string {
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  switch (tool) {
    case 'query_metrics': {
      const metrics = list(args?.metrics).map((m) => metricLabel(model, m).toLowerCase());
      const dims = list(args?.dimensions).map((d) => dimensionLabel(model, d).toLowerCase());
      const what = metrics.length > 0 ? metrics.join(' and ') : 'the figures';
      return `Reading ${what}${dims.length > 0 ? ` by ${dims.join(' and ')}` : ''}...`;
    }
    case 'explain_change':
      return `Looking for what moved ${typeof args?.metric === 'string' ? metricLabel(model, args.metric).toLowerCase() : 'the figure'}...`;
    case 'make_chart':
      return 'Drawing the chart...';
    case 'search_catalog':
      return 'Searching the catalog...';
    case 'list_dimension_values':
      return 'Listing the values...';
    case 'data_freshness':
      return 'Checking when the data was loaded...';
    case 'draft_transaction':
      return 'Drafting the entry...';
    case 'list_transactions':
      return 'Reading the ledger...';
    default:
      return 'Working on it...';
  }
}

/**
 * The offline planner on the Cordova model with the real dimension values of the demo warehouse
 * (scale 0.01, built into DuckDB and indexed like after a load): a table of phrasings (typos,
 * abbreviations, lower-case names, British and American spellings), follow-up conversations,
 * clarifying questions, and every emitted query compiled for all dialects and run on DuckDB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflinePlanner } from '../assistant/planner/create-offline-planner.ts';
import type { Plan, Planner } from '../assistant/planner/plan.ts';
import { EMPTY_THREAD_CONTEXT } from '../assistant/planner/plan.ts';
import {
  converse,
  expectClarify,
  expectPlan,
  expectRobust,
  type PlanCase,
} from '../assistant/planner/test-planner-cases.ts';
import { fixedClock } from '../core/clock.ts';
import { openWarehouse } from '../db/open-warehouse.ts';
import type { Warehouse } from '../db/warehouse.ts';
import { CORDOVA_FISCAL_YEAR_START_MONTH } from '../demo/cordova-questions.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { plantInjections } from '../evals/plant-injections.ts';
import { buildCatalogIndex } from '../semantic-layer/catalog/catalog-index.ts';
import { indexDimensionValues } from '../semantic-layer/catalog/index-dimension-values.ts';
import { compileQuery } from '../semantic-layer/compiler/compile-query.ts';
import { loadSemanticModel } from '../semantic-layer/validate/validate-semantic-model.ts';
import { buildDemoWarehouse } from './build-demo-warehouse.ts';

const model = loadSemanticModel(join(import.meta.dirname, '../semantic-layer/models'));
const context = {
  clock: fixedClock(new Date('2026-06-30T12:00:00Z')),
  fiscalYearStartMonth: CORDOVA_FISCAL_YEAR_START_MONTH,
};
const dir = mkdtempSync(join(tmpdir(), 'planner-cordova-'));
let warehouse: Warehouse;
let planner: Planner;

beforeAll(async () => {
  await generateDemo({ seed: 42, scale: 0.01, asOf: '2026-06-30', outDir: join(dir, 'demo') });
  warehouse = await openWarehouse(`duckdb:${join(dir, 'warehouse.duckdb')}`);
  // The planted prompt injections too: a promotion named by a sentence full of common words.
  await buildDemoWarehouse(warehouse, join(dir, 'demo'), { beforeTransform: plantInjections });
  const values = await indexDimensionValues(warehouse, model, { clock: context.clock });
  planner = createOfflinePlanner({
    model,
    catalog: buildCatalogIndex(model, values),
    dimensionValues: values,
    ...context,
  });
}, 240_000);

afterAll(async () => {
  await warehouse?.close();
  rmSync(dir, { recursive: true, force: true });
});

const plan = (question: string): Plan => planner.plan({ question, thread: EMPTY_THREAD_CONTEXT });

async function runOnDuckDb(p: Plan): Promise<void> {
  if (p.kind !== 'tools') return;
  for (const call of p.calls.filter((c) => c.tool === 'query_metrics')) {
    const compiled = compileQuery(model, call.arguments, { ...context, dialect: 'duckdb' });
    await expect(warehouse.query(compiled.sql, compiled.params)).resolves.toBeDefined();
  }
}

const MAY: [string, string] = ['2026-05-01', '2026-05-31'];
const MARCH: [string, string] = ['2026-03-01', '2026-03-31'];
const CAT = 'products.category';
const REGION = 'stores.region_name';
const STORE = 'stores.store_name';

const CASES: PlanCase[] = [
  // Totals, with synonyms, abbreviations and typos.
  {
    q: 'what was revenue last month',
    intent: 'total',
    metrics: ['revenue'],
    range: MAY,
    dims: [],
    chart: null,
  },
  { q: 'What was our rev last month?', intent: 'total', metrics: ['revenue'], range: 'last_month' },
  { q: 'revnue last month', intent: 'total', metrics: ['revenue'], range: 'last_month' },
  {
    q: 'how much turnover did we make last quarter',
    intent: 'total',
    metrics: ['revenue'],
    range: 'last_quarter',
  },
  { q: 'total sales this year', intent: 'total', metrics: ['revenue'], range: 'this_year' },
  { q: 'takings yesterday', intent: 'total', metrics: ['revenue'], range: 'yesterday' },
  { q: 'net income last month', intent: 'total', metrics: ['net_income'], range: 'last_month' },
  { q: 'gross margin rate last year', intent: 'total', metrics: ['gross_margin_pct'], range: 'last_year' },
  { q: 'gross margn last quarter', intent: 'total', metrics: ['gross_margin'], range: 'last_quarter' },
  { q: 'units sold last week', intent: 'total', metrics: ['units_sold'], range: 'last_week' },
  { q: 'how many orders yesterday', intent: 'total', metrics: ['orders'], range: 'yesterday' },
  { q: 'aov last month', intent: 'total', metrics: ['average_order_value'], range: 'last_month' },
  {
    q: 'average selling price in Q1',
    intent: 'total',
    metrics: ['average_selling_price'],
    range: ['2026-01-01', '2026-03-31'],
  },
  { q: 'opex last quarter', intent: 'total', metrics: ['operating_expenses'], range: 'last_quarter' },
  { q: 'refunds last month', intent: 'total', metrics: ['refund_amount'], range: 'last_month' },
  { q: 'return rate last year', intent: 'total', metrics: ['return_rate'], range: 'last_year' },
  { q: 'stock on hand', intent: 'total', metrics: ['inventory_on_hand'], range: MAY, filters: {} },
  {
    q: 'purchase spend in 2025',
    intent: 'total',
    metrics: ['purchase_spend'],
    range: ['2025-01-01', '2025-12-31'],
  },
  { q: 'sell-through this year', intent: 'total', metrics: ['sell_through'], range: 'this_year' },
  { q: 'discount rate last month', intent: 'total', metrics: ['discount_rate'], range: 'last_month' },
  { q: 'cogs last quarter', intent: 'total', metrics: ['cost_of_goods_sold'], range: 'last_quarter' },
  {
    q: 'revenue and units sold last month',
    intent: 'total',
    metrics: ['revenue', 'units_sold'],
    range: 'last_month',
  },
  // Values become filters, on the right dimension; two values of one dimension give `in`.
  {
    q: 'revenue for boots last month',
    intent: 'total',
    metrics: ['revenue'],
    filters: { [CAT]: ['boots'] },
    range: MAY,
  },
  {
    q: 'revenue in the northeast',
    intent: 'total',
    metrics: ['revenue'],
    filters: { [REGION]: ['Northeast'] },
    range: MAY,
  },
  {
    q: 'Revenue in the Northeast last quarter',
    intent: 'total',
    filters: { [REGION]: ['Northeast'] },
    range: 'last_quarter',
  },
  {
    q: 'sales of boots and sandals last month',
    intent: 'total',
    metrics: ['revenue'],
    filters: { [CAT]: ['boots', 'sandals'] },
  },
  {
    q: 'revenue for store cordova soho last month',
    intent: 'total',
    filters: { [STORE]: ['Cordova SoHo'] },
    dims: [],
  },
  {
    q: 'revenue at cordova buckhead this year',
    intent: 'total',
    filters: { [STORE]: ['Cordova Buckhead'] },
    range: 'this_year',
  },
  { q: 'revenue in soho', intent: 'total', filters: { [STORE]: ['Cordova SoHo'] } },
  {
    q: 'revenue for the store 12 south',
    intent: 'total',
    filters: { [STORE]: ['Cordova 12 South'] },
    dims: [],
  },
  {
    q: 'revenue for the Malaga line',
    intent: 'total',
    filters: { 'products.product_line': ['Malaga'] },
    dims: [],
  },
  {
    q: 'sales of black boots',
    intent: 'total',
    metrics: ['revenue'],
    filters: { [CAT]: ['boots'], 'products.colour': ['black'] },
  },
  {
    q: 'units sold of suede last year',
    intent: 'total',
    metrics: ['units_sold'],
    filters: { 'products.leather': ['suede'] },
  },
  {
    q: 'units sold in size 42',
    intent: 'total',
    metrics: ['units_sold'],
    filters: { 'sales_lines.size': ['42'] },
  },
  {
    q: 'purchase spend with suppliers in Spain',
    intent: 'total',
    metrics: ['purchase_spend'],
    filters: { 'suppliers.country': ['Spain'] },
  },
  {
    q: 'refunds for defective returns',
    intent: 'total',
    metrics: ['refund_amount'],
    filters: { 'returns.reason': ['defective'] },
  },
  {
    q: 'revenue for the black friday weekend promotion',
    intent: 'total',
    filters: { 'promotions.promotion_name': ['Black Friday Weekend'] },
  },
  {
    q: 'gross margin for oxfords in the west last quarter',
    intent: 'total',
    metrics: ['gross_margin'],
    filters: { [CAT]: ['oxfords'], [REGION]: ['West'] },
  },
  {
    q: 'revenue for womens sandals',
    intent: 'total',
    filters: { [CAT]: ['sandals'], 'products.gender': ['women'] },
  },
  { q: 'revenue for sandels last month', intent: 'total', filters: { [CAT]: ['sandals'] } },
  // Breakdowns.
  {
    q: 'revenue by region last quarter',
    intent: 'breakdown',
    metrics: ['revenue'],
    dims: [REGION],
    range: 'last_quarter',
    chart: 'auto',
  },
  {
    q: 'rev per region this year',
    intent: 'breakdown',
    dims: [REGION],
    range: 'this_year',
    order: 'desc',
    limit: 100,
  },
  { q: 'sales by store last month', intent: 'breakdown', metrics: ['revenue'], dims: [STORE] },
  { q: 'units sold by category this year', intent: 'breakdown', metrics: ['units_sold'], dims: [CAT] },
  {
    q: 'revenue by channel and region last month',
    intent: 'breakdown',
    dims: ['channels.channel_name', REGION],
  },
  {
    q: 'gross margin by product line last year',
    intent: 'breakdown',
    metrics: ['gross_margin'],
    dims: ['products.product_line'],
  },
  {
    q: 'expense amount by category last quarter',
    intent: 'breakdown',
    metrics: ['expense_amount'],
    dims: ['expenses.category'],
  },
  {
    q: 'refunds by reason last month',
    intent: 'breakdown',
    metrics: ['refund_amount'],
    dims: ['returns.reason'],
  },
  { q: 'units sold by colour last year', intent: 'breakdown', dims: ['products.colour'] },
  { q: 'units sold by color last year', intent: 'breakdown', dims: ['products.colour'] },
  {
    // A breakdown keeps the placeholder member, so the figures add up to the total.
    q: 'orders by salesperson last month',
    intent: 'breakdown',
    metrics: ['orders'],
    dims: ['salespeople.full_name'],
    filters: {},
  },
  {
    q: 'purchase spend by country last year',
    intent: 'breakdown',
    metrics: ['purchase_spend'],
    dims: ['suppliers.country'],
  },
  {
    q: 'revenue by customer segment this quarter',
    intent: 'breakdown',
    dims: ['customers.segment'],
    range: 'this_quarter',
  },
  {
    q: 'opex by account this year',
    intent: 'breakdown',
    metrics: ['operating_expenses'],
    dims: ['accounts.account_name'],
  },
  { q: 'revenue for boots by store', intent: 'breakdown', dims: [STORE], filters: { [CAT]: ['boots'] } },
  // Rank: top/bottom N, best/worst following higher_is_better, "which ... most" is one.
  // A ranking leaves out the dimension's placeholder members (the model's placeholder_values).
  {
    q: 'Top salespeople by revenue last quarter',
    intent: 'rank',
    metrics: ['revenue'],
    dims: ['salespeople.full_name'],
    filters: {},
    excluded: { 'salespeople.full_name': ['(no salesperson)'] },
    range: 'last_quarter',
    limit: 10,
  },
  {
    q: 'top 3 customers by revenue last year',
    intent: 'rank',
    metrics: ['revenue'],
    dims: ['customers.customer_name'],
    excluded: { 'customers.customer_name': ['Anonymous walk-in'] },
    limit: 3,
  },
  {
    // No metric named: the headline metric (revenue, which the verified queries lead with).
    q: 'best salesperson last month',
    intent: 'rank',
    metrics: ['revenue'],
    dims: ['salespeople.full_name'],
    excluded: { 'salespeople.full_name': ['(no salesperson)'] },
    range: 'last_month',
    limit: 1,
  },
  { q: 'top 5 stores last quarter', intent: 'rank', metrics: ['revenue'], dims: [STORE], limit: 5 },
  // "top" ranks members, "most" asks for a quantity: "customers" is the ranked dimension after
  // "top" (through a value: "top wholesale customers") and the metric after "most".
  {
    q: 'who are our top wholesale customers',
    intent: 'rank',
    metrics: ['revenue'],
    dims: ['customers.customer_name'],
    filters: { 'customers.segment': ['wholesale'] },
    excluded: { 'customers.customer_name': ['Anonymous walk-in'] },
    limit: 10,
  },
  {
    q: 'top customers last year',
    intent: 'rank',
    metrics: ['revenue'],
    dims: ['customers.customer_name'],
    limit: 10,
  },
  { q: 'most customers last month', intent: 'total', metrics: ['customers_served'], dims: [] },
  { q: 'top stores this year', intent: 'rank', metrics: ['revenue'], dims: [STORE], limit: 10 },
  {
    q: 'which store had the most customers last month',
    intent: 'rank',
    metrics: ['customers_served'],
    dims: [STORE],
    limit: 1,
  },
  {
    q: 'top 5 stores by revenue this year',
    intent: 'rank',
    metrics: ['revenue'],
    dims: [STORE],
    order: 'desc',
    limit: 5,
    chart: 'auto',
  },
  {
    q: 'worst 3 products by gross margin last year',
    intent: 'rank',
    metrics: ['gross_margin'],
    dims: ['products.product_name'],
    order: 'asc',
    limit: 3,
  },
  {
    q: 'which region sold most last month',
    intent: 'rank',
    metrics: ['units_sold'],
    dims: [REGION],
    order: 'desc',
    limit: 1,
  },
  { q: 'bottom 3 regions by revenue last quarter', intent: 'rank', dims: [REGION], order: 'asc', limit: 3 },
  { q: 'top ten products by units sold', intent: 'rank', metrics: ['units_sold'], limit: 10, order: 'desc' },
  {
    q: 'which store had the highest revenue last month',
    intent: 'rank',
    dims: [STORE],
    order: 'desc',
    limit: 1,
  },
  { q: 'worst return rate by store', intent: 'rank', metrics: ['return_rate'], order: 'desc', limit: 1 },
  {
    q: 'top 3 suppliers by purchase spend last year',
    intent: 'rank',
    dims: ['suppliers.supplier_name'],
    limit: 3,
    order: 'desc',
  },
  {
    q: 'lowest gross margin rate by category',
    intent: 'rank',
    metrics: ['gross_margin_pct'],
    dims: [CAT],
    order: 'asc',
    limit: 1,
  },
  {
    q: 'what was revenue on black friday',
    intent: 'total',
    filters: { 'promotions.promotion_name': ['Black Friday Weekend'] },
  },
  {
    q: 'purchase spend by supplier country by quarter',
    intent: 'trend',
    dims: ['suppliers.country'],
    grain: 'quarter',
  },
  // Ranking the periods themselves.
  {
    q: 'best month for sales last year',
    intent: 'rank',
    metrics: ['revenue'],
    dims: [],
    grain: 'month',
    range: 'last_year',
    order: 'desc',
    limit: 1,
  },
  { q: 'worst 3 weeks for units sold this year', intent: 'rank', grain: 'week', order: 'asc', limit: 3 },
  {
    q: 'avg order value by channel last month',
    intent: 'breakdown',
    metrics: ['average_order_value'],
    dims: ['channels.channel_name'],
  },
  { q: 'revenue growth by region', intent: 'compare', dims: [REGION], compare: 'previous_period' },
  { q: 'cash at the end of each month', intent: 'trend', metrics: ['cash'], grain: 'month', filters: {} },
  { q: 'what does gross margin mean', intent: 'search', tool: 'search_catalog' },
  // Share of total.
  {
    q: 'share of revenue by channel this year',
    intent: 'share',
    dims: ['channels.channel_name'],
    share: true,
    chart: 'auto',
    focus: null,
  },
  {
    // Every channel's share, the asked one named first in the answer.
    q: 'what percent of sales came from the online shop last month',
    intent: 'share',
    metrics: ['revenue'],
    dims: ['channels.channel_name'],
    share: true,
    filters: {},
    focus: { dimension: 'channels.channel_name', values: ['Online shop'] },
  },
  { q: 'revenue mix by category last quarter', intent: 'share', dims: [CAT], share: true },
  {
    q: 'percentage of units sold by region',
    intent: 'share',
    metrics: ['units_sold'],
    dims: [REGION],
    share: true,
  },
  // Trends: a grain or a trend word; no period named gives the last 12 months by month.
  { q: 'revenue by month', intent: 'trend', grain: 'month', range: 'last_12_months', chart: 'auto' },
  {
    q: 'weekly units sold this quarter',
    intent: 'trend',
    metrics: ['units_sold'],
    grain: 'week',
    range: 'this_quarter',
  },
  { q: 'revenue over time', intent: 'trend', grain: 'month', range: 'last_12_months' },
  { q: 'gross margin trend by region', intent: 'trend', dims: [REGION], grain: 'month' },
  {
    q: 'quarterly revenue last year',
    intent: 'trend',
    metrics: ['revenue'],
    grain: 'quarter',
    range: 'last_year',
  },
  {
    q: 'monthly revenue trend',
    intent: 'trend',
    metrics: ['revenue'],
    grain: 'month',
    range: 'last_12_months',
  },
  // No metric, but "how did X do": the headline metric (the one the verified queries lead with).
  {
    q: 'how did boots do in the northeast last quarter compared with the year before?',
    intent: 'compare',
    metrics: ['revenue'],
    filters: { [CAT]: ['boots'], [REGION]: ['Northeast'] },
    range: 'last_quarter',
    compare: 'same_period_last_year',
  },
  // Comparisons: a shift of the period, or two explicit periods (two calls).
  {
    q: 'revenue last month vs last year',
    intent: 'compare',
    range: 'last_month',
    compare: 'same_period_last_year',
    chart: null,
  },
  {
    q: 'turnover this quarter compared with the previous quarter',
    intent: 'compare',
    range: 'this_quarter',
    compare: 'previous_period',
  },
  {
    q: 'revenue by region last quarter vs the year before',
    intent: 'compare',
    dims: [REGION],
    compare: 'same_period_last_year',
    chart: 'auto',
  },
  { q: 'revenue Q1 2026 vs Q3 2025', intent: 'compare', range: ['2026-01-01', '2026-03-31'], compare: null },
  {
    q: 'compare boots vs sandals revenue last month',
    intent: 'compare',
    dims: [CAT],
    filters: { [CAT]: ['boots', 'sandals'] },
  },
  // Explain: current period and the one before (or a year before when asked).
  {
    q: 'why did revenue drop in March',
    intent: 'explain',
    metrics: ['revenue'],
    range: MARCH,
    baseline: ['2026-02-01', '2026-02-28'],
  },
  {
    q: 'why did units sold go up last month',
    intent: 'explain',
    metrics: ['units_sold'],
    range: MAY,
    baseline: ['2026-04-01', '2026-04-30'],
  },
  {
    q: 'why did gross margin fall in March compared with last year',
    intent: 'explain',
    metrics: ['gross_margin'],
    range: MARCH,
    baseline: ['2025-03-01', '2025-03-31'],
  },
  // One word of a longer value ("drop" of the planted promotion's sentence) is the cue, not a filter.
  {
    q: 'Why did boot sales in the Mountain region drop in November vs October? by store',
    intent: 'explain',
    metrics: ['revenue'],
    dims: [STORE],
    filters: { [CAT]: ['boots'], [REGION]: ['Mountain'] },
    range: ['2025-11-01', '2025-11-30'],
    baseline: ['2025-10-01', '2025-10-31'],
  },
  {
    q: 'why did boot sales drop last quarter',
    intent: 'explain',
    metrics: ['revenue'],
    filters: { [CAT]: ['boots'] },
    baseline: ['2025-10-01', '2025-12-31'],
  },
  // Not metric questions.
  {
    q: 'which regions are there',
    intent: 'list_values',
    tool: 'list_dimension_values',
    args: { dimension: REGION },
  },
  { q: 'list the stores', intent: 'list_values', tool: 'list_dimension_values', args: { dimension: STORE } },
  { q: 'what categories do we have', intent: 'list_values', args: { dimension: CAT } },
  { q: 'how fresh is the data', intent: 'freshness', tool: 'data_freshness' },
  { q: 'when was the data last updated', intent: 'freshness', tool: 'data_freshness' },
  { q: 'what metrics do you have about returns', intent: 'search', tool: 'search_catalog' },
  {
    q: 'record expense 120.50 for leather polish from Saphir, paid by card',
    intent: 'record_transaction',
    tool: 'draft_transaction',
    args: { entry: null },
  },
  { q: 'paid 300 to Porto Calcado for invoice 42', intent: 'record_transaction', tool: 'draft_transaction' },
  { q: 'show my recent expenses entries', intent: 'list_transactions', tool: 'list_transactions' },
  {
    q: 'list ledger entries last week',
    intent: 'list_transactions',
    args: { from: '2026-06-22', to: '2026-06-28' },
  },
  // Chart kinds asked for.
  { q: 'revenue by region last quarter as a bar chart', intent: 'breakdown', dims: [REGION], chart: 'bar' },
  { q: 'revenue by month as a line', intent: 'trend', dims: [], grain: 'month', chart: 'line' },
  {
    q: 'units sold by category as a stacked bar chart',
    intent: 'breakdown',
    dims: [CAT],
    chart: 'stacked-bar',
  },
  // Phrasings the evals found (generic verbs, split phrases, percentages, running totals).
  {
    q: 'How much did we give away in discounts last year?',
    intent: 'total',
    metrics: ['discount_amount'],
    range: 'last_year',
  },
  {
    q: 'How many orders did we take in the first half of 2025?',
    intent: 'total',
    metrics: ['orders'],
    range: ['2025-01-01', '2025-06-30'],
  },
  {
    q: 'how many pairs were returned last month?',
    intent: 'total',
    metrics: ['units_returned'],
    range: 'last_month',
  },
  {
    q: 'how many pairs came back as too small in 2025?',
    intent: 'total',
    metrics: ['units_returned'],
    filters: { 'returns.reason': ['too small'] },
  },
  { q: 'gross margin % last year', intent: 'total', metrics: ['gross_margin_pct'], range: 'last_year' },
  {
    q: 'How has gross margin % moved month by month over the last 6 months?',
    intent: 'trend',
    metrics: ['gross_margin_pct'],
    grain: 'month',
    range: 'last_6_months',
  },
  {
    q: 'How did revenue this quarter compare with last quarter?',
    intent: 'compare',
    metrics: ['revenue'],
    range: 'this_quarter',
    compare: 'previous_period',
  },
  {
    q: 'gross profit last quarter compared to the same quarter a year ago',
    intent: 'compare',
    metrics: ['gross_margin'],
    range: 'last_quarter',
    compare: 'same_period_last_year',
  },
  {
    q: 'pairs sold last fiscal year vs the fiscal year before',
    intent: 'compare',
    metrics: ['units_sold'],
    range: 'last_fiscal_year',
    compare: 'previous_period',
  },
  {
    q: 'Which 3 stores had the lowest revenue last quarter?',
    intent: 'rank',
    dims: [STORE],
    order: 'asc',
    limit: 3,
  },
  {
    q: 'which supplier brings in the most gross margin this year?',
    intent: 'rank',
    metrics: ['gross_margin'],
    dims: ['suppliers.supplier_name'],
    limit: 1,
  },
  {
    q: 'most popular colour by pairs sold last year',
    intent: 'rank',
    metrics: ['units_sold'],
    dims: ['products.colour'],
    order: 'desc',
  },
  {
    q: 'which category has the lowest gross margin % last year?',
    intent: 'rank',
    metrics: ['gross_margin_pct'],
    dims: [CAT],
    order: 'asc',
  },
  {
    q: 'what percentage of pairs went through wholesale last quarter?',
    intent: 'share',
    metrics: ['units_sold'],
    share: true,
  },
  {
    q: 'what % of revenue is boots, last 12 months?',
    intent: 'share',
    metrics: ['revenue'],
    dims: [CAT],
    filters: {},
    share: true,
  },
  {
    q: 'How much of our revenue does the Terra line make up this year?',
    intent: 'share',
    metrics: ['revenue'],
    dims: ['products.product_line'],
    share: true,
  },
  {
    q: 'How much did cordova soho sell last quarter?',
    intent: 'total',
    metrics: ['revenue'],
    filters: { [STORE]: ['Cordova SoHo'] },
  },
  {
    q: 'pairs of sneakers sold through the online shop this year',
    intent: 'total',
    metrics: ['units_sold'],
    filters: { [CAT]: ['sneakers'], 'channels.channel_name': ['Online shop'] },
  },
  {
    q: 'top 5 products in accessories by revenue over the last 12 months',
    intent: 'rank',
    dims: ['products.product_name'],
    filters: { [CAT]: ['accessories'] },
    limit: 5,
  },
  {
    q: "What's our average order value over the last 90 days?",
    intent: 'total',
    metrics: ['average_order_value'],
    filters: {},
  },
  {
    q: 'what drove the change in gross margin last quarter vs a year earlier, by product line?',
    intent: 'explain',
    tool: 'explain_change',
    baseline: ['2025-01-01', '2025-03-31'],
  },
  {
    q: "what's behind the change in returned pairs in 2025 vs 2024 by reason?",
    intent: 'explain',
    tool: 'explain_change',
    args: { filters: [] },
  },
  {
    q: 'why did revenue change this year vs last year, by channel?',
    intent: 'explain',
    tool: 'explain_change',
    baseline: ['2025-01-01', '2025-06-30'],
  },
  { q: 'stacked bar of revenue by channel by month this year', intent: 'trend', chart: 'stacked-bar' },
  { q: 'net profit last year', intent: 'total', metrics: ['net_income'], range: 'last_year' },
  {
    q: 'revenue at cordova larimer square in november',
    intent: 'total',
    filters: { [STORE]: ['Cordova Larimer Square'] },
    range: ['2025-11-01', '2025-11-30'],
  },
  {
    q: 'gross margin on Leon Leather Works products last year',
    intent: 'total',
    dims: [],
    filters: { 'suppliers.supplier_name': ['Leon Leather Works'] },
  },
  { q: 'How much cash do we have in the bank?', intent: 'total', metrics: ['cash'], grain: 'day', limit: 1 },
  {
    q: 'cash balance at the end of last month',
    intent: 'total',
    metrics: ['cash'],
    range: 'last_month',
    grain: 'day',
    limit: 1,
  },
];

describe('the offline planner on the Cordova model', () => {
  it('has a large table of phrasings', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(CASES.map((c) => [c.q, c] as const))('%s', async (_q, c) => {
    const p = plan(c.q);
    expectPlan(p, c, model, context);
    await runOnDuckDb(p);
  });

  it('plans a question well under 5 ms on average, with the lexicon built once', () => {
    const questions = CASES.map((c) => c.q);
    for (const q of questions) plan(q);
    const started = performance.now();
    for (let round = 0; round < 3; round++) for (const q of questions) plan(q);
    const average = (performance.now() - started) / (3 * questions.length);
    expect(average).toBeLessThan(5);
  });

  it('excludes values after "excluding", "except", "not including"', () => {
    const cases: [string, string, string, string[]][] = [
      ['revenue by region excluding online', 'channels.channel_code', 'not_equals', ['online']],
      ['revenue not including wholesale', 'channels.channel_code', 'not_equals', ['wholesale']],
      ['revenue by category except boots and sandals', CAT, 'not_in', ['boots', 'sandals']],
    ];
    for (const [question, dimension, operator, values] of cases) {
      const p = plan(question);
      expect(p.kind === 'tools' && p.query?.filters, question).toEqual([{ dimension, operator, values }]);
      expect(p.kind === 'tools' && p.understood, question).toContain(' not ');
    }
  });

  it('never throws, and every plan it makes compiles, for any mix of catalog, cue and time words', () => {
    expectRobust(planner, model, context, buildCatalogIndex(model));
  });

  it('is deterministic', () => {
    for (const c of CASES.slice(0, 30)) expect(plan(c.q)).toEqual(plan(c.q));
  });

  it('says the period it used when none was named', () => {
    const p = plan('units sold by region');
    expect(p.kind === 'tools' && p.understood).toContain('last month (2026-05-01 to 2026-05-31)');
    const trend = plan('units sold by month');
    expect(trend.kind === 'tools' && trend.understood).toContain('last 12 months (2025-06-01 to 2026-05-31)');
  });

  it('offers four verified questions as starters', () => {
    const starters = planner.starterQuestions();
    expect(starters).toHaveLength(4);
    for (const s of starters) expect(model.verifiedQueries.map((v) => v.question)).toContain(s);
  });
});

interface Turn {
  q: string;
  check: (p: Plan) => void;
}

const queryOf = (p: Plan) => {
  expect(p.kind, JSON.stringify(p).slice(0, 300)).toBe('tools');
  const query = p.kind === 'tools' ? p.query : null;
  expect(query).not.toBeNull();
  return query as NonNullable<typeof query>;
};
const filterOn = (p: Plan, dimension: string) =>
  queryOf(p).filters.find((f) => f.dimension === dimension)?.values;
const datesIn = (p: Plan) => {
  const range = queryOf(p).time?.range;
  return range && 'start' in range ? [range.start, range.end] : range?.relative;
};

const FOLLOW_UPS: [string, Turn[]][] = [
  [
    // "only" is also one word of the planted promotion's name: it is the follow-up cue, not a filter.
    'filters a chart to one whole value, and nothing else',
    [
      { q: 'monthly revenue over the last 12 months', check: (p) => expect(queryOf(p).filters).toEqual([]) },
      { q: 'as a bar chart', check: (p) => expect(p.kind === 'tools' && p.chart).toBe('bar') },
      {
        q: 'only the online shop',
        check: (p) => {
          expect(queryOf(p).filters).toEqual([
            { dimension: 'channels.channel_name', operator: 'equals', values: ['Online shop'] },
          ]);
          expect(queryOf(p).time?.grain).toBe('month');
        },
      },
    ],
  ],
  [
    'adds a group-by',
    [
      { q: 'revenue by region last quarter', check: (p) => expect(queryOf(p).dimensions).toEqual([REGION]) },
      { q: 'and by store?', check: (p) => expect(queryOf(p).dimensions).toEqual([REGION, STORE]) },
    ],
  ],
  [
    'swaps a store written in lower case',
    [
      {
        q: 'revenue in cordova soho last quarter',
        check: (p) => expect(filterOn(p, STORE)).toEqual(['Cordova SoHo']),
      },
      { q: 'and cordova buckhead?', check: (p) => expect(filterOn(p, STORE)).toEqual(['Cordova Buckhead']) },
    ],
  ],
  [
    'swaps a value on the same dimension',
    [
      { q: 'revenue for boots last month', check: (p) => expect(filterOn(p, CAT)).toEqual(['boots']) },
      {
        q: 'what about sandals?',
        check: (p) => {
          expect(filterOn(p, CAT)).toEqual(['sandals']);
          expect(datesIn(p)).toBe('last_month');
        },
      },
    ],
  ],
  [
    'shifts the period a year back',
    [
      { q: 'revenue by region last quarter', check: (p) => expect(datesIn(p)).toBe('last_quarter') },
      {
        q: 'same for last year',
        check: (p) => {
          expect(datesIn(p)).toEqual(['2025-01-01', '2025-03-31']);
          expect(queryOf(p).dimensions).toEqual([REGION]);
        },
      },
    ],
  ],
  [
    'replaces the period',
    [
      { q: 'revenue by channel this year', check: (p) => expect(datesIn(p)).toBe('this_year') },
      {
        q: 'and in Q1?',
        check: (p) => {
          expect(datesIn(p)).toEqual(['2026-01-01', '2026-03-31']);
          expect(queryOf(p).dimensions).toEqual(['channels.channel_name']);
        },
      },
    ],
  ],
  [
    'redraws as another chart kind',
    [
      {
        q: 'units sold by category last month',
        check: (p) => expect(p.kind === 'tools' && p.chart).toBe('auto'),
      },
      {
        q: 'as a bar chart instead',
        check: (p) => {
          expect(p.kind === 'tools' && p.chart).toBe('bar');
          expect(queryOf(p).dimensions).toEqual([CAT]);
        },
      },
    ],
  ],
  [
    'ranks the previous breakdown',
    [
      { q: 'revenue by store last month', check: (p) => expect(queryOf(p).limit).toBe(100) },
      {
        q: 'top 3 of those',
        check: (p) => {
          expect(p.kind === 'tools' && p.intent).toBe('rank');
          expect(queryOf(p).limit).toBe(3);
          expect(queryOf(p).order).toEqual([{ by: 'revenue', direction: 'desc' }]);
        },
      },
    ],
  ],
  [
    'swaps the metric',
    [
      { q: 'revenue last month', check: (p) => expect(queryOf(p).metrics).toEqual(['revenue']) },
      {
        q: 'what about units sold?',
        check: (p) => {
          expect(queryOf(p).metrics).toEqual(['units_sold']);
          expect(datesIn(p)).toBe('last_month');
        },
      },
    ],
  ],
  [
    'narrows to one value',
    [
      { q: 'revenue by region last month', check: (p) => expect(queryOf(p).filters).toEqual([]) },
      { q: 'only the Northeast', check: (p) => expect(filterOn(p, REGION)).toEqual(['Northeast']) },
    ],
  ],
  [
    'turns a breakdown into a trend',
    [
      { q: 'gross margin by category this year', check: (p) => expect(queryOf(p).time?.grain).toBeNull() },
      {
        q: 'and by month?',
        check: (p) => {
          expect(queryOf(p).time?.grain).toBe('month');
          expect(p.kind === 'tools' && p.intent).toBe('trend');
        },
      },
    ],
  ],
  [
    'adds a filter on another dimension',
    [
      { q: 'revenue for boots', check: (p) => expect(filterOn(p, CAT)).toEqual(['boots']) },
      {
        q: 'and in the West?',
        check: (p) => {
          expect(filterOn(p, CAT)).toEqual(['boots']);
          expect(filterOn(p, REGION)).toEqual(['West']);
        },
      },
    ],
  ],
  [
    'ranks from the bottom',
    [
      { q: 'revenue by store last month', check: (p) => expect(queryOf(p).dimensions).toEqual([STORE]) },
      {
        q: 'bottom 5',
        check: (p) => {
          expect(queryOf(p).limit).toBe(5);
          expect(queryOf(p).order[0]?.direction).toBe('asc');
        },
      },
    ],
  ],
  [
    'adds a comparison',
    [
      { q: 'revenue by channel last quarter', check: (p) => expect(queryOf(p).compare).toBeNull() },
      {
        q: 'compared with the year before?',
        check: (p) => {
          expect(queryOf(p).compare).toBe('same_period_last_year');
          expect(p.kind === 'tools' && p.intent).toBe('compare');
        },
      },
    ],
  ],
  [
    'three turns: group-by, then metric',
    [
      { q: 'revenue by region this year', check: (p) => expect(queryOf(p).dimensions).toEqual([REGION]) },
      { q: 'and by category?', check: (p) => expect(queryOf(p).dimensions).toEqual([REGION, CAT]) },
      {
        q: 'what about units sold?',
        check: (p) => {
          expect(queryOf(p).metrics).toEqual(['units_sold']);
          expect(queryOf(p).dimensions).toEqual([REGION, CAT]);
        },
      },
    ],
  ],
  [
    'three turns: share, then last year',
    [
      { q: 'refunds by reason last month', check: (p) => expect(queryOf(p).share_of_total).toBe(false) },
      { q: 'as a share of the total', check: (p) => expect(queryOf(p).share_of_total).toBe(true) },
      {
        q: 'same for last year',
        check: (p) => {
          expect(datesIn(p)).toEqual(['2025-05-01', '2025-05-31']);
          expect(queryOf(p).share_of_total).toBe(true);
        },
      },
    ],
  ],
  [
    'keeps the ranking when the metric changes',
    [
      { q: 'top 5 stores by revenue last month', check: (p) => expect(queryOf(p).limit).toBe(5) },
      {
        q: 'what about gross margin?',
        check: (p) => {
          expect(queryOf(p).metrics).toEqual(['gross_margin']);
          expect(queryOf(p).order).toEqual([{ by: 'gross_margin', direction: 'desc' }]);
          expect(queryOf(p).limit).toBe(5);
        },
      },
    ],
  ],
  [
    'explains the last question',
    [
      {
        q: 'revenue for boots last month vs last year',
        check: (p) => expect(queryOf(p).compare).toBe('same_period_last_year'),
      },
      {
        q: 'why?',
        check: (p) => {
          const call = p.kind === 'tools' ? p.calls[0] : undefined;
          expect(call?.tool).toBe('explain_change');
          expect(call?.arguments).toMatchObject({
            metric: 'revenue',
            baseline: { start: '2025-05-01', end: '2025-05-31' },
            filters: [{ dimension: CAT, operator: 'equals', values: ['boots'] }],
          });
        },
      },
    ],
  ],
  [
    'a value that fits the last metric, then why, then a rank of the question before',
    [
      {
        q: 'revenue by region by month this year',
        check: (p) => expect(queryOf(p).time?.grain).toBe('month'),
      },
      { q: 'only online', check: (p) => expect(filterOn(p, 'channels.channel_code')).toEqual(['online']) },
      { q: 'why?', check: (p) => expect(p.kind === 'tools' && p.calls[0]?.tool).toBe('explain_change') },
      {
        q: 'top 3',
        check: (p) => {
          expect(p.kind === 'tools' && p.intent).toBe('rank');
          expect(queryOf(p).dimensions).toEqual([REGION]);
          expect(queryOf(p).limit).toBe(3);
        },
      },
    ],
  ],
  [
    'a new full question is not a follow-up',
    [
      { q: 'revenue by region last quarter', check: (p) => expect(queryOf(p).dimensions).toEqual([REGION]) },
      {
        q: 'units sold by colour this year',
        check: (p) => {
          expect(queryOf(p).dimensions).toEqual(['products.colour']);
          expect(queryOf(p).metrics).toEqual(['units_sold']);
        },
      },
      {
        q: 'which regions are there',
        check: (p) => expect(p.kind === 'tools' && p.intent).toBe('list_values'),
      },
    ],
  ],
];

describe('follow-ups change the last query', () => {
  it('has enough conversations', () => expect(FOLLOW_UPS.length).toBeGreaterThanOrEqual(15));

  it.each(FOLLOW_UPS)('%s', async (_name, turns) => {
    const plans = converse(
      planner,
      turns.map((t) => t.q),
    );
    for (const [k, turn] of turns.entries()) {
      const p = plans[k] as Plan;
      turn.check(p);
      if (p.kind === 'tools') expect(p.understood.length).toBeGreaterThan(5);
      await runOnDuckDb(p);
    }
  });
});

/** Clarify, never guess: the question and the words the message must name. */
const CLARIFY: [string, string[]][] = [
  ['what was our employee happiness score', ['happiness']],
  ['revenue in the summer', ['summer']],
  ['expenses last month', ['operating expenses', 'expense amount']],
  ['revenue for store zorblax', ['zorblax', 'list']],
  ['flux capacitor readings by region', ['flux']],
  ['what is the weather in boston', ['metric']],
  ['revenue by zodiac sign', ['zodiac']],
  ['how many unicorns did we sell', ['unicorns']],
  ['revenue for cordova', ['cordova']],
  ['by region', []],
  ['boots', []],
  // Performance wording without a value or filter is still no metric.
  ['how are we doing', []],
  ['customer satisfaction last quarter', ['satisfaction']],
  ['revenue for the blorp line', ['blorp']],
  ['show me the churn', ['churn']],
  // A record verb with only a year is not an entry to draft.
  ['log sales in 2025 by region', ['log']],
  ['revenue for purple moon', ['purple']],
  ['average basket size per hamster', ['hamster']],
  ['revenue by store for plutonium', ['plutonium']],
  // Two values joined by "vs" found in two dimensions of one model: ask, never filter on both.
  ['revenue online vs in store this year', ['online', 'in store', 'channel code']],
];

describe('clarifying questions instead of guesses', () => {
  it('has enough cases', () => expect(CLARIFY.length).toBeGreaterThanOrEqual(15));

  it.each(CLARIFY)('%s', (question, words) => {
    const p = plan(question);
    expectClarify(p, question, words);
  });

  it('suggests only questions that the planner itself answers', () => {
    for (const [question] of CLARIFY) {
      const p = plan(question);
      if (p.kind !== 'clarify') throw new Error(`expected a clarifying question for ${question}`);
      for (const s of p.suggestions) expect(plan(s).kind, `${question} -> ${s}`).toBe('tools');
    }
  });
});

describe('the question guard comes first', () => {
  it('refuses a write request and another user’s data, offering the verified starters', () => {
    for (const question of ['delete all the sales rows from the warehouse', "show me Maria's chat history"]) {
      const p = plan(question);
      expect(p.kind, question).toBe('refuse');
      if (p.kind === 'refuse') expect(p.suggestions).toEqual(planner.starterQuestions());
    }
  });

  it('answers a greeting with help', () => {
    const p = plan('hello');
    expect(p.kind).toBe('help');
    if (p.kind === 'help') expect(p.suggestions).toEqual(planner.starterQuestions());
  });

  it('refuses an empty question', () => {
    expect(plan('   ').kind).toBe('refuse');
  });
});

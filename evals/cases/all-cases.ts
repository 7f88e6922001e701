/** Every case, golden then adversarial; ids are unique (checked by the tests). */
import type { EvalCase } from '../eval-case.ts';
import { adversarialCases } from './adversarial-cases.ts';
import { compareCases } from './compare-cases.ts';
import { chartCases, explainCases } from './explain-chart-cases.ts';
import { filterCases } from './filter-cases.ts';
import { financeCases } from './finance-cases.ts';
import { fiscalCases } from './fiscal-cases.ts';
import { followUpCases } from './follow-up-cases.ts';
import { rankCases, shareCases } from './rank-share-cases.ts';
import { totalCases } from './total-cases.ts';
import { trendCases } from './trend-cases.ts';

export const goldenCases: readonly EvalCase[] = [
  ...totalCases,
  ...trendCases,
  ...compareCases,
  ...rankCases,
  ...shareCases,
  ...filterCases,
  ...fiscalCases,
  ...followUpCases,
  ...explainCases,
  ...chartCases,
  ...financeCases,
];

export { adversarialCases };

export const allCases: readonly EvalCase[] = [...goldenCases, ...adversarialCases];

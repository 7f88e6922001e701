/**
 * Cordova questions for the semantic layer, each with its answer written by hand against the raw
 * source tables (erp.* and ledger_raw.*, never the star schema or the curated views). The end-to-end
 * check compares the compiled query's rows with these; the benchmark times one against the other.
 * Ranges are absolute so the answers hold for any clock and any demo ending after mid-2026.
 */
import type { CordovaQuestion } from './cordova-question-sql.ts';
import { cordovaFinanceQuestions } from './cordova-questions-finance.ts';
import { cordovaReturnsPurchasingQuestions } from './cordova-questions-returns.ts';
import { cordovaSalesQuestions } from './cordova-questions-sales.ts';

export type { CordovaQuestion };

export const CORDOVA_FISCAL_YEAR_START_MONTH = 2;

export const cordovaQuestions: readonly CordovaQuestion[] = [
  ...cordovaSalesQuestions,
  ...cordovaReturnsPurchasingQuestions,
  ...cordovaFinanceQuestions,
];

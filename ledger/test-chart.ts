/** A small chart of accounts for tests, shaped like a typical retailer's (not the demo's file). */
import type { ChartAccount } from './chart-matcher.ts';

const a = (code: string, name: string, accountType: ChartAccount['accountType'], synonyms: string[]) => ({
  code,
  name,
  accountType,
  synonyms,
});

export const TEST_CHART: ChartAccount[] = [
  a('1010', 'Operating bank account', 'asset', ['cash', 'bank', 'checking account']),
  a('1050', 'Card clearing', 'asset', ['card receivables', 'merchant clearing']),
  a('1060', 'Savings account', 'asset', ['savings', 'reserve account']),
  a('2000', 'Accounts payable', 'liability', ['AP', 'supplier payables', 'creditors']),
  a('2100', 'Credit card payable', 'liability', ['company card', 'corporate card', 'Amex']),
  a('4010', 'Sales - stores', 'revenue', ['store sales', 'retail sales']),
  a('4020', 'Consulting income', 'revenue', ['consulting', 'advisory']),
  a('6200', 'Store supplies', 'expense', ['shop supplies', 'consumables', 'shoe polish']),
  a('6300', 'Marketing and advertising', 'expense', ['ads', 'advertising', 'marketing']),
  a('6600', 'Travel', 'expense', ['flights', 'hotels', 'taxis']),
  a('6900', 'Office supplies', 'expense', ['stationery', 'printer ink']),
  a('6950', 'Meals and entertainment', 'expense', ['meals', 'team lunch', 'client entertainment']),
];

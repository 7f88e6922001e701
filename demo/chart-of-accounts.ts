/**
 * Cordova's chart of accounts. Synonyms are the words managers and accountants actually use,
 * so a "record expense ..." parser or a catalog search can match them.
 */

export type AccountType = 'asset' | 'liability' | 'equity' | 'revenue' | 'expense';

export interface Account {
  code: string;
  name: string;
  type: AccountType;
  /** Contra-revenue accounts (returns, discounts) carry a debit balance. */
  normal: 'debit' | 'credit';
  synonyms: readonly string[];
  description: string;
}

const a = (
  code: string,
  name: string,
  type: AccountType,
  synonyms: string[],
  description: string,
  normal: Account['normal'] = type === 'asset' || type === 'expense' ? 'debit' : 'credit',
): Account => ({ code, name, type, normal, synonyms, description });

export const ACCOUNTS: readonly Account[] = [
  a(
    '1010',
    'Operating bank account',
    'asset',
    ['cash', 'bank', 'checking account', 'cash at bank'],
    'First Harbor Bank operating account',
  ),
  a(
    '1050',
    'Card clearing',
    'asset',
    ['card receivables', 'merchant clearing', 'Stripe balance', 'Square balance'],
    'Card sales not yet paid out by the processors',
  ),
  a(
    '1100',
    'Accounts receivable',
    'asset',
    ['AR', 'trade debtors', 'wholesale receivables', 'debtors'],
    'Invoices to wholesale accounts, net 30',
  ),
  a(
    '1200',
    'Inventory',
    'asset',
    ['stock', 'merchandise inventory', 'goods for resale'],
    'Shoes and accessories at standard cost',
  ),
  a(
    '2000',
    'Accounts payable',
    'liability',
    ['AP', 'trade creditors', 'supplier payables', 'creditors'],
    'Supplier invoices not yet paid',
  ),
  a(
    '2100',
    'Credit card payable',
    'liability',
    ['Amex', 'company card', 'corporate card'],
    'Company card spending, paid monthly',
  ),
  a('3000', 'Share capital', 'equity', ['owner capital', 'paid-in capital', 'equity'], "Owners' investment"),
  a(
    '3100',
    'Retained earnings',
    'equity',
    ['accumulated profits', 'reserves'],
    'Profits kept in the business',
  ),
  a(
    '3200',
    'Owner distributions',
    'equity',
    ['dividends', 'drawings', 'distributions'],
    'Profit paid out to the owners each quarter',
    'debit',
  ),
  a(
    '4010',
    'Sales - stores',
    'revenue',
    ['store revenue', 'in-store sales', 'retail sales', 'store sales'],
    'Gross sales in physical stores',
  ),
  a(
    '4020',
    'Sales - online',
    'revenue',
    ['online revenue', 'e-commerce sales', 'web sales', 'webshop'],
    'Gross sales in the online shop',
  ),
  a(
    '4030',
    'Sales - wholesale',
    'revenue',
    ['wholesale revenue', 'trade sales', 'B2B sales'],
    'Gross sales to wholesale accounts',
  ),
  a(
    '4080',
    'Sales returns',
    'revenue',
    ['returns', 'refunds', 'sales refunds'],
    'Refunds for returned goods (contra revenue)',
    'debit',
  ),
  a(
    '4090',
    'Sales discounts',
    'revenue',
    ['discounts', 'promotions', 'markdowns'],
    'Promotion discounts given (contra revenue)',
    'debit',
  ),
  a(
    '5000',
    'Cost of goods sold',
    'expense',
    ['COGS', 'cost of sales', 'product cost'],
    'Standard cost of units sold, less units returned to stock',
  ),
  a(
    '5100',
    'Inventory cost variances',
    'expense',
    ['purchase price variance', 'PPV', 'revaluation'],
    'Differences between supplier prices and standard cost',
  ),
  a(
    '6000',
    'Salaries and wages',
    'expense',
    ['payroll', 'wages', 'staff costs', 'salaries'],
    'Gross pay of store, online, warehouse and head-office staff',
  ),
  a(
    '6010',
    'Payroll taxes',
    'expense',
    ['employer taxes', 'FICA', 'social security'],
    "Employer's payroll taxes",
  ),
  a(
    '6100',
    'Rent',
    'expense',
    ['lease', 'occupancy', 'store rent'],
    'Rent of stores, warehouse and head office',
  ),
  a(
    '6150',
    'Card processing fees',
    'expense',
    ['merchant fees', 'Stripe fees', 'Square fees', 'payment fees'],
    'Fees kept by the card processors',
  ),
  a(
    '6200',
    'Store supplies',
    'expense',
    ['shop supplies', 'consumables', 'shoe polish'],
    'Polish, brushes, bags and other store consumables',
  ),
  a(
    '6210',
    'Shipping and packaging',
    'expense',
    ['postage', 'freight out', 'delivery', 'boxes'],
    'Parcel carriers and packaging for online orders',
  ),
  a(
    '6300',
    'Marketing and advertising',
    'expense',
    ['advertising', 'ads', 'marketing', 'promotion costs'],
    'Online ads, print and events',
  ),
  a(
    '6400',
    'Utilities',
    'expense',
    ['electricity', 'power', 'internet', 'phone'],
    'Power, water, phone and internet',
  ),
  a(
    '6410',
    'Software and subscriptions',
    'expense',
    ['SaaS', 'subscriptions', 'software', 'licences'],
    'Software used by stores and office',
  ),
  a(
    '6500',
    'Repairs and maintenance',
    'expense',
    ['maintenance', 'repairs', 'refurbishment', 'fit-out'],
    'Upkeep and refurbishment of premises',
  ),
  a('6600', 'Travel', 'expense', ['flights', 'hotels', 'taxis', 'business travel'], 'Staff travel'),
  a(
    '6700',
    'Professional fees',
    'expense',
    ['accounting fees', 'legal fees', 'consulting'],
    'Accountants, lawyers, advisers',
  ),
  a('6800', 'Insurance', 'expense', ['insurance premiums', 'cover'], 'Property and liability insurance'),
  a(
    '6900',
    'Office supplies',
    'expense',
    ['stationery', 'office costs', 'printer ink'],
    'Head-office consumables',
  ),
  a(
    '6950',
    'Meals and entertainment',
    'expense',
    ['meals', 'client entertainment', 'team lunch'],
    'Business meals',
  ),
];

const BY_CODE = new Map(ACCOUNTS.map((x) => [x.code, x]));

export function account(code: string): Account {
  const found = BY_CODE.get(code);
  if (!found) throw new Error(`no account ${code}`);
  return found;
}

/** Balance-sheet accounts carry over into the opening entry; the rest close to retained earnings. */
export function isBalanceSheet(code: string): boolean {
  const type = account(code).type;
  return type === 'asset' || type === 'liability' || type === 'equity';
}

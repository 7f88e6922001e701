/**
 * The two kinds of file the accountants send, as the loader recognises them: which header names
 * (in any case, any order, with extra columns ignored) mean which field, and where the rows go.
 * A file's kind is the first layout whose required headers all appear on one row.
 */
export type AccountantFileKind = 'expenses' | 'bank-statement';

export type FieldType = 'date' | 'amount' | 'text';

export interface LayoutField {
  name: string;
  type: FieldType;
  /** Header texts that mean this field, normalised: lower case, single spaces, no punctuation. */
  aliases: readonly string[];
  required: boolean;
  /** The warehouse column's width, for text. */
  maxLength?: number;
}

export interface AccountantLayout {
  kind: AccountantFileKind;
  /** schema.table; both are written in sql/warehouse/<dialect>/ (schema.sql, file-loads.sql). */
  target: 'dw.fact_expense' | 'dw.fact_bank_transaction';
  fields: readonly LayoutField[];
}

export const EXPENSE_LAYOUT: AccountantLayout = {
  kind: 'expenses',
  target: 'dw.fact_expense',
  fields: [
    {
      name: 'date',
      type: 'date',
      aliases: ['date', 'expense date', 'transaction date', 'posting date'],
      required: true,
    },
    {
      name: 'vendor',
      type: 'text',
      aliases: ['vendor', 'supplier', 'payee', 'merchant'],
      required: true,
      maxLength: 320,
    },
    {
      name: 'description',
      type: 'text',
      aliases: ['description', 'memo', 'details'],
      required: false,
      maxLength: 800,
    },
    {
      name: 'category',
      type: 'text',
      aliases: ['category', 'expense category', 'account'],
      required: true,
      maxLength: 160,
    },
    {
      name: 'amount',
      type: 'amount',
      aliases: ['amount', 'amount usd', 'total amount', 'net amount'],
      required: true,
    },
    {
      name: 'payment method',
      type: 'text',
      aliases: ['payment method', 'paid by', 'payment'],
      required: false,
      maxLength: 80,
    },
    {
      name: 'reference',
      type: 'text',
      aliases: ['reference', 'ref', 'ref no', 'receipt'],
      required: false,
      maxLength: 160,
    },
  ],
};

export const BANK_LAYOUT: AccountantLayout = {
  kind: 'bank-statement',
  target: 'dw.fact_bank_transaction',
  fields: [
    {
      name: 'date',
      type: 'date',
      aliases: ['date', 'transaction date', 'posting date', 'value date'],
      required: true,
    },
    {
      name: 'description',
      type: 'text',
      aliases: ['description', 'details', 'narrative', 'memo'],
      required: true,
      maxLength: 800,
    },
    {
      name: 'reference',
      type: 'text',
      aliases: ['reference', 'ref', 'ref no'],
      required: false,
      maxLength: 160,
    },
    {
      name: 'withdrawals',
      type: 'amount',
      aliases: ['withdrawals', 'withdrawal', 'debit', 'debits', 'money out', 'paid out'],
      required: true,
    },
    {
      name: 'deposits',
      type: 'amount',
      aliases: ['deposits', 'deposit', 'credit', 'credits', 'money in', 'paid in'],
      required: true,
    },
    { name: 'balance', type: 'amount', aliases: ['balance', 'running balance'], required: false },
  ],
};

/** Bank statements first: their headers include 'date' and 'description' too. */
export const ACCOUNTANT_LAYOUTS: readonly AccountantLayout[] = [BANK_LAYOUT, EXPENSE_LAYOUT];

export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Field name -> cell index, when every required field's header is on this row. */
export function matchHeader(
  layout: AccountantLayout,
  cells: readonly string[],
): Map<string, number> | undefined {
  const headers = cells.map(normaliseHeader);
  const columns = new Map<string, number>();
  for (const field of layout.fields) {
    const index = headers.findIndex((header) => field.aliases.includes(header));
    if (index >= 0) columns.set(field.name, index);
    else if (field.required) return undefined;
  }
  return columns;
}

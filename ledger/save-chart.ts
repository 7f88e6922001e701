/** Adds accounts and their synonyms to the chart; existing accounts are kept as they are. */
import type { LedgerSession } from '../db/ledger-db.ts';
import type { ChartAccount } from './chart-matcher.ts';

export async function saveChart(
  tx: LedgerSession,
  accounts: readonly (ChartAccount & { normalBalance?: 'debit' | 'credit'; description?: string })[],
): Promise<void> {
  const normal = (a: ChartAccount) => (['asset', 'expense'].includes(a.accountType) ? 'debit' : 'credit');
  await tx.query(
    `INSERT INTO ledger_accounts (code, name, account_type, normal_balance, description)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (code) DO NOTHING`,
    [
      accounts.map((a) => a.code),
      accounts.map((a) => a.name),
      accounts.map((a) => a.accountType),
      accounts.map((a) => a.normalBalance ?? normal(a)),
      accounts.map((a) => a.description ?? ''),
    ],
  );
  const pairs = accounts
    .flatMap((a) => a.synonyms.map((s) => [a.code, s.trim()] as const))
    .filter(([, s]) => s);
  await tx.query(
    `INSERT INTO ledger_account_synonyms (account_code, synonym)
     SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
    [pairs.map(([code]) => code), pairs.map(([, s]) => s)],
  );
}

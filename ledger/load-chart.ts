/** The chart of accounts, with synonyms, as the parser and the validators use it. */
import type { LedgerSession } from '../db/ledger-db.ts';
import type { ChartAccount } from './chart-matcher.ts';

export async function loadChart(db: LedgerSession): Promise<ChartAccount[]> {
  const { rows } = await db.query<{
    code: string;
    name: string;
    account_type: ChartAccount['accountType'];
    synonyms: string[];
  }>(
    `SELECT a.code, a.name, a.account_type,
            coalesce(array_agg(s.synonym ORDER BY s.synonym) FILTER (WHERE s.synonym IS NOT NULL), '{}') AS synonyms
       FROM ledger_accounts a LEFT JOIN ledger_account_synonyms s ON s.account_code = a.code
      GROUP BY a.code ORDER BY a.code`,
  );
  return rows.map((r) => ({ code: r.code, name: r.name, accountType: r.account_type, synonyms: r.synonyms }));
}

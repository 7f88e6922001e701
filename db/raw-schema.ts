/**
 * The warehouse schema a source's raw tables live in: the source's own name, except the ledger,
 * whose raw tables have been ledger_raw.* since the star schema's transforms were written
 * (09_dim_account.sql and 14_fact_ledger_posting.sql read them there).
 */
export const LEDGER_RAW_SCHEMA = 'ledger_raw';

export function rawSchemaOf(source: string): string {
  return source === 'ledger' ? LEDGER_RAW_SCHEMA : source;
}

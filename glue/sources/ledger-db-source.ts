/**
 * The ledger database (PGlite or Postgres, sql/ledger/) as the ExtractSource "ledger", in the
 * shape of the warehouse's ledger_raw tables, so entries recorded with `shoebox ledger` reach
 * dw.fact_ledger_posting after a pipeline run. Reads SQL only: glue/ may not import ledger/.
 *
 * Watermarks. Entries and postings are append-only (a correction is a new reversal entry), so
 * their identity ids are the watermark, with one catch: ids are taken at insert, not at commit,
 * so a writer still open may hold an id below one already committed. Each batch therefore reads
 * only up to a settled horizon: the largest id visible at a moment when no other session holds
 * a write lock on the two tables (every writer holds one from before it takes an id until it
 * ends). The chart of accounts has no change time; it only grows (accounts and synonyms are
 * added, never edited, by the ledger's code), so its version is the count of both, and a new
 * version re-sends the whole chart: row_version = version * 2^20 + the account's position.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { LedgerDb } from '../../db/ledger-db.ts';
import type { ExtractSource, ReconcileFigure, SourceRow, SourceTable } from './extract-source.ts';
import { LEDGER_SOURCE_TABLES } from './ledger-source-tables.ts';

export interface LedgerDbSourceOptions {
  /** How long a batch waits for open writers to finish before deferring to the next run. */
  settleWaitMs?: number;
  /** Closes the ledger database with the source (false when the caller shares it). */
  closeDb?: boolean;
}

const POSITION_BITS = 20n;
const MAX_POSITION = (1n << POSITION_BITS) - 1n;

const ENTRIES_SQL = `SELECT e.id AS journal_entry_id, e.entry_number, e.entry_date, e.source, e.reference, e.memo,
    (SELECT min(p.currency) FROM ledger_postings p WHERE p.entry_id = e.id) AS currency, e.created_by, e.created_at
  FROM ledger_entries e WHERE e.id > $1 AND e.id <= $2 ORDER BY e.id LIMIT $3`;

const LINES_SQL = `SELECT p.id AS journal_line_id, p.entry_id AS journal_entry_id, p.line_number, p.account_code,
    p.cost_center, CASE WHEN p.amount_minor > 0 THEN p.amount_minor ELSE 0 END AS debit_minor,
    CASE WHEN p.amount_minor < 0 THEN -p.amount_minor ELSE 0 END AS credit_minor, p.currency
  FROM ledger_postings p WHERE p.id > $1 AND p.id <= $2 ORDER BY p.id LIMIT $3`;

const CHART_SQL = `SELECT a.code AS account_code, a.name AS account_name, a.account_type, a.normal_balance,
    coalesce(string_agg(s.synonym, '; ' ORDER BY s.synonym), '') AS synonyms, a.description
  FROM ledger_accounts a LEFT JOIN ledger_account_synonyms s ON s.account_code = a.code
  GROUP BY a.code ORDER BY a.code`;

// One statement: the max ids come from its snapshot, pg_locks is read after it was taken.
const HORIZON_SQL = `SELECT (SELECT coalesce(max(id), 0) FROM ledger_entries) AS entries,
    (SELECT coalesce(max(id), 0) FROM ledger_postings) AS postings,
    EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'relation' AND l.mode = 'RowExclusiveLock'
      AND l.relation IN ('ledger_entries'::regclass, 'ledger_postings'::regclass)
      AND l.pid <> pg_backend_pid()) AS busy`;

const FIGURES_SQL: Record<string, string> = {
  chart_of_accounts: 'SELECT NULL AS day, count(*) AS rows FROM ledger_accounts',
  journal_entries: `SELECT to_char(entry_date, 'YYYY-MM-DD') AS day, count(*) AS rows
    FROM ledger_entries GROUP BY entry_date ORDER BY entry_date`,
  journal_lines: `SELECT NULL AS day, count(*) AS rows,
    coalesce(sum(CASE WHEN amount_minor > 0 THEN amount_minor ELSE 0 END), 0)::text AS debit_minor,
    coalesce(sum(CASE WHEN amount_minor < 0 THEN -amount_minor ELSE 0 END), 0)::text AS credit_minor
    FROM ledger_postings`,
};

export function createLedgerDbSource(db: LedgerDb, options: LedgerDbSourceOptions = {}): ExtractSource {
  return new LedgerDbSource(db, options.settleWaitMs ?? 2000, options.closeDb ?? false);
}

class LedgerDbSource implements ExtractSource {
  readonly name = 'ledger';
  readonly description: string;
  readonly tables: readonly SourceTable[] = LEDGER_SOURCE_TABLES;

  constructor(
    private readonly db: LedgerDb,
    private readonly settleWaitMs: number,
    private readonly closeDb: boolean,
  ) {
    this.description = `ledger ${db.description}`;
  }

  async extractBatch(table: string, since: bigint, batchSize: number): Promise<SourceRow[]> {
    const spec = this.table(table);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1_000_000) {
      throw new CodedError(
        ErrorCode.BadArgument,
        `batch size ${batchSize} must be a whole number from 1 to 1000000`,
      );
    }
    if (since < 0n)
      throw new CodedError(ErrorCode.BadArgument, `watermark ${since} for ${table} is negative`);
    if (spec.name === 'chart_of_accounts') return this.chartBatch(since, batchSize);
    const horizon = await this.settledHorizon();
    const [sql, upTo] =
      spec.name === 'journal_entries' ? [ENTRIES_SQL, horizon.entries] : [LINES_SQL, horizon.postings];
    if (upTo <= since) return [];
    const { rows } = await this.db.query(sql, [since.toString(), upTo.toString(), batchSize]);
    return rows.map((row) => toSourceRow(spec, row));
  }

  async reconcileFigures(table: string): Promise<ReconcileFigure[]> {
    const spec = this.table(table);
    const { rows } = await this.db.query<Record<string, unknown>>(FIGURES_SQL[spec.name] as string);
    return rows.map((row) => ({
      day: row.day === null ? null : String(row.day),
      rows: Number(row.rows),
      sums: Object.fromEntries(spec.sumColumns.map((c) => [c, String(row[c])])),
    }));
  }

  async close(): Promise<void> {
    if (this.closeDb) await this.db.close();
  }

  private table(name: string): SourceTable {
    const spec = this.tables.find((t) => t.name === name);
    if (!spec) {
      throw new CodedError(
        ErrorCode.BadArgument,
        `The ledger has no extract table "${name}"; known: ${this.tables.map((t) => t.name).join(', ')}`,
      );
    }
    return spec;
  }

  /** Ids up to which every writer has finished; none past `since` while writers stay open. */
  private async settledHorizon(): Promise<{ entries: bigint; postings: bigint }> {
    const deadline = Date.now() + this.settleWaitMs;
    for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
      const { rows } = await this.db.query<{ entries: unknown; postings: unknown; busy: boolean }>(
        HORIZON_SQL,
      );
      const row = rows[0];
      if (row && !row.busy)
        return { entries: BigInt(String(row.entries)), postings: BigInt(String(row.postings)) };
      if (Date.now() >= deadline) return { entries: 0n, postings: 0n };
      await sleep(wait);
    }
  }

  private async chartBatch(since: bigint, batchSize: number): Promise<SourceRow[]> {
    const { rows } = await this.db.query<Record<string, unknown>>(
      `SELECT (SELECT count(*) FROM ledger_accounts) + (SELECT count(*) FROM ledger_account_synonyms) AS version,
              chart.* FROM (${CHART_SQL}) chart`,
    );
    if (rows.length === 0) return [];
    if (BigInt(rows.length) > MAX_POSITION) {
      throw new CodedError(
        ErrorCode.EtlSourceFailed,
        `The chart of accounts has ${rows.length} accounts; at most ${MAX_POSITION} can be extracted`,
      );
    }
    const version = BigInt(String(rows[0]?.version));
    // The same version resumes after the last position sent; a newer one re-sends from the top.
    const from = since >> POSITION_BITS === version ? since & MAX_POSITION : 0n;
    return rows.slice(Number(from), Number(from) + batchSize).map((row, index) => ({
      account_code: String(row.account_code),
      account_name: String(row.account_name),
      account_type: String(row.account_type),
      normal_balance: String(row.normal_balance),
      synonyms: String(row.synonyms),
      description: String(row.description),
      modified_at: null,
      row_version: (version << POSITION_BITS) + from + BigInt(index + 1),
    }));
  }
}

/** Watermark ids and bigint columns as JS bigint (as the ERP source hands them over). */
function toSourceRow(spec: SourceTable, row: Record<string, unknown>): SourceRow {
  const out: SourceRow = {};
  for (const column of spec.columns) {
    const value = row[column.name];
    if (value === null || value === undefined) out[column.name] = null;
    else if (column.type === 'bigint' || column.name === spec.watermarkColumn)
      out[column.name] = BigInt(value as number);
    else if (value instanceof Date || typeof value === 'number' || typeof value === 'boolean')
      out[column.name] = value;
    else out[column.name] = String(value);
  }
  return out;
}

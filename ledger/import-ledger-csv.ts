/**
 * Batch import of a ledger kept as CSV (the demo's chart_of_accounts.csv, journal_entries.csv and
 * journal_lines.csv): accounts with synonyms, then entries in batches, one transaction each. The
 * import key of an entry ("import:<entry_number>") is its idempotency key, so a rerun, or a rerun
 * after a crash mid-way, adds only what is missing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { CodedError, ErrorCode, messageOf } from '../core/coded-error.ts';
import type { LedgerDb } from '../db/ledger-db.ts';
import { auditRequest } from './audit-request.ts';
import type { ChartAccount } from './chart-matcher.ts';
import { type CsvEntry, importKey, insertEntryBatch } from './insert-entry-batch.ts';
import type { LedgerActor } from './ledger-actor.ts';
import { saveChart } from './save-chart.ts';

export interface ImportProgress {
  done: number;
  total: number;
}

export interface ImportResult {
  accounts: number;
  entries: number;
  inserted: number;
  skipped: number;
}

type Row = Record<string, string>;

async function readCsv(dir: string, name: string): Promise<Row[]> {
  const path = join(dir, name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CodedError(
      ErrorCode.PathUnreadable,
      `Cannot read ${path} (${messageOf(error)}); generate the demo data first with \`shoebox generate\`.`,
    );
  }
  return parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Row[];
}

function chartFrom(rows: Row[]) {
  return rows.map((r) => ({
    code: r.account_code as string,
    name: r.account_name as string,
    accountType: r.account_type as ChartAccount['accountType'],
    normalBalance: r.normal_balance as 'debit' | 'credit',
    description: r.description ?? '',
    synonyms: (r.synonyms ?? '')
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean),
  }));
}

/** Groups lines under their entries; amounts are debit minus credit, in minor units. */
export function entriesFrom(entryRows: Row[], lineRows: Row[]): CsvEntry[] {
  const byId = new Map<string, CsvEntry>();
  for (const r of entryRows) {
    byId.set(r.journal_entry_id as string, {
      entryNumber: r.entry_number as string,
      entryDate: r.entry_date as string,
      source: r.source || 'import',
      reference: r.reference || null,
      memo: (r.memo ?? '').slice(0, 500),
      createdBy: r.created_by || 'import',
      createdAt: `${(r.created_at ?? r.entry_date) as string}Z`.replace(' ', 'T'),
      lines: [],
    });
  }
  for (const r of lineRows) {
    const entry = byId.get(r.journal_entry_id as string);
    if (!entry)
      throw new CodedError(
        ErrorCode.LedgerInvalidInput,
        `journal line ${r.journal_line_id} names an unknown entry ${r.journal_entry_id}.`,
      );
    entry.lines.push({
      accountCode: r.account_code as string,
      amountMinor: Number(r.debit_minor) - Number(r.credit_minor),
      currency: r.currency as string,
      costCenter: r.cost_center || null,
    });
  }
  return [...byId.values()];
}

export async function importLedgerCsv(
  db: LedgerDb,
  dir: string,
  options: { actor: LedgerActor; at: Date; batchSize?: number; onProgress?: (p: ImportProgress) => void },
): Promise<ImportResult> {
  const chart = chartFrom(await readCsv(dir, 'chart_of_accounts.csv'));
  const entries = entriesFrom(
    await readCsv(dir, 'journal_entries.csv'),
    await readCsv(dir, 'journal_lines.csv'),
  );
  await db.transaction((tx) => saveChart(tx, chart));
  const batchSize = options.batchSize ?? 500;
  let inserted = 0;
  for (let start = 0; start < entries.length; start += batchSize) {
    const batch = entries.slice(start, start + batchSize);
    inserted += await db.transaction(async (tx) => {
      const requestId = await auditRequest(tx, options.actor, {
        action: 'import',
        text: `import ${dir}: entries ${batch[0]?.entryNumber} to ${batch.at(-1)?.entryNumber}`,
        idempotencyKey: importKey(batch[0]?.entryNumber ?? ''),
        at: options.at,
      });
      return insertEntryBatch(tx, batch, requestId);
    });
    options.onProgress?.({ done: Math.min(entries.length, start + batch.length), total: entries.length });
  }
  return { accounts: chart.length, entries: entries.length, inserted, skipped: entries.length - inserted };
}

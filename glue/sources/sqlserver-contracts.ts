/**
 * The ERP's tables as the T-SQL procedures document them (sql/sqlserver/): the columns, types
 * and primary key come from each usp_extract_<table> header's output contract, the reconciled
 * day and sum columns from usp_reconcile_<table>'s. The procedure files are the one place the
 * contract is written; glue/ may not import demo/, and reading the headers keeps the source
 * and the procedures from drifting apart (checks/sqlserver-reconcile-procs.test.ts compares
 * them with the demo's table specs).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { SQLSERVER_PROCS_DIR } from '../../sql/warehouse-files.ts';
import type { SourceColumn, SourceTable } from './extract-source.ts';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const WATERMARK = 'row_version';

export function readSqlServerTables(dir: string = SQLSERVER_PROCS_DIR): SourceTable[] {
  const names = readdirSync(dir)
    .map((file) => /^usp_extract_([a-z0-9_]+)\.sql$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
  return names.map((name) => {
    const extract = readFileSync(join(dir, `usp_extract_${name}.sql`), 'utf8');
    const reconcilePath = join(dir, `usp_reconcile_${name}.sql`);
    let reconcile: string;
    try {
      reconcile = readFileSync(reconcilePath, 'utf8');
    } catch {
      throw bad(name, `has no ${reconcilePath}; every extract procedure needs its reconcile procedure`);
    }
    return tableFrom(name, extract, reconcile);
  });
}

/** One table from the two header comments; exported for tests. */
export function tableFrom(name: string, extractSql: string, reconcileSql: string): SourceTable {
  if (!IDENTIFIER.test(name)) throw bad(name, 'is not a plain lower-case table name');
  const block = /Output contract:[^\n]*\n([\s\S]*?)\n {2}Rows:/.exec(extractSql)?.[1];
  if (!block) throw bad(name, 'usp_extract header has no "Output contract:" column list');
  const columns = block.split('\n').map((line): SourceColumn => {
    const match = /^\s+([a-z_][a-z0-9_]*)\s+([a-z0-9]+(?:\(\d+(?:,\d+)?\))?)(\s+NULL)?\s*$/.exec(line);
    if (!match) throw bad(name, `output contract line "${line.trim()}" is not "name type [NULL]"`);
    return { name: match[1] as string, type: match[2] as string, nullable: match[3] !== undefined };
  });
  const known = new Set(columns.map((c) => c.name));
  const keyText = /ties\s+broken by the primary key: ([a-z0-9_, ]+)\)/.exec(extractSql)?.[1];
  if (!keyText) throw bad(name, 'usp_extract header does not name the primary key ("ties broken by ...")');
  const primaryKey = listOf(keyText);
  const dayText = /^ {2}Day column: (.+)$/m.exec(reconcileSql)?.[1]?.trim();
  const sumText = /^ {2}Sum columns: (.+)$/m.exec(reconcileSql)?.[1]?.trim();
  if (dayText === undefined || sumText === undefined) {
    throw bad(name, 'usp_reconcile header needs "Day column:" and "Sum columns:" lines');
  }
  const dayColumn = dayText === '(none)' ? undefined : dayText;
  const sumColumns = sumText === '(none)' ? [] : listOf(sumText);
  for (const column of [...primaryKey, ...sumColumns, WATERMARK, ...(dayColumn ? [dayColumn] : [])]) {
    if (!known.has(column)) throw bad(name, `names "${column}", which is not in its output contract`);
  }
  const table: SourceTable = { name, columns, primaryKey, watermarkColumn: WATERMARK, sumColumns };
  return dayColumn === undefined ? table : { ...table, dayColumn };
}

function listOf(text: string): string[] {
  return text.split(',').map((part) => part.trim());
}

function bad(table: string, problem: string): CodedError {
  return new CodedError(
    ErrorCode.ConfigInvalid,
    `SQL Server procedure for table "${table}" ${problem}; fix its file in sql/sqlserver/.`,
    { details: { table } },
  );
}

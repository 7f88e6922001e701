/**
 * `shoebox load FILE --table NAME [--view SCHEMA.NAME]`: load a CSV or Parquet file a user brings
 * into uploads.NAME (glue/uploads/load-user-file.ts). Prints the column types before loading and
 * the rows loaded and rejected after, with the first rejects and where to find them all.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import type { LoadReject } from '../../glue/file-loads/load-reject.ts';
import { describeType } from '../../glue/uploads/column-kinds.ts';
import type { InferredColumn } from '../../glue/uploads/infer-columns.ts';
import { loadUserFile } from '../../glue/uploads/load-user-file.ts';
import type { CommandContext } from '../command-context.ts';
import { openConfiguredWarehouse } from '../open-configured-warehouse.ts';

interface LoadOptions {
  table: string;
  view?: string;
  sampleRows?: number;
  force?: boolean;
}

function parseSampleRows(value: string): number {
  if (!/^\d{1,9}$/.test(value) || Number(value) < 1) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `--sample-rows must be a whole number of at least 1 (got "${value}")`,
    );
  }
  return Number(value);
}

function columnTable(columns: readonly InferredColumn[]): string[] {
  const rows = columns.map((c) => [
    c.name,
    describeType(c.type),
    c.examples.map((e) => (e.length > 24 ? `${e.slice(0, 21)}...` : e)).join(', '),
  ]);
  const widths = [0, 1].map((i) => Math.max(i === 0 ? 6 : 4, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) =>
    `  ${(cells[0] as string).padEnd(widths[0] as number)}  ${(cells[1] as string).padEnd(widths[1] as number)}  ${cells[2]}`.trimEnd();
  return [line(['column', 'type', 'examples']), ...rows.map(line)];
}

function rejectLine(reject: LoadReject): string {
  const where = reject.line > 0 ? `line ${reject.line}` : 'file';
  const column = reject.column ? ` ${reject.column}:` : '';
  return `  ${where}${column} ${reject.reason} (${reject.message})`;
}

export function registerLoadCommand(program: Command, context: CommandContext): void {
  program
    .command('load')
    .description(
      'load a CSV or Parquet file into the warehouse as uploads.NAME, types inferred, bad rows to meta.load_rejects',
    )
    .argument('<FILE>', '.csv, .tsv or .txt (delimited text, header on the first line) or .parquet')
    .requiredOption(
      '--table <NAME>',
      'table to create or replace in the uploads schema (lower-case letters, digits, _)',
    )
    .option(
      '--view <SCHEMA.NAME>',
      'also (re)create a view over the table, e.g. curated.NAME for a semantic model',
    )
    .option('--sample-rows <N>', 'rows read to infer CSV column types (default 10000)', parseSampleRows)
    .option('--force', 'load again even if the table already holds this exact file')
    .action(async (file: string, options: LoadOptions) => {
      const absolute = path.resolve(context.io.cwd, file);
      const warehouse = await openConfiguredWarehouse(context);
      try {
        if (warehouse.dialect === 'redshift') {
          throw new CodedError(
            ErrorCode.NotImplemented,
            'shoebox load into Redshift needs the file staged in S3 first, which this version does not do yet; load into DuckDB or Postgres, or COPY the file from S3',
          );
        }
        const progress = context.progress();
        const started = performance.now();
        const result = await loadUserFile(warehouse, absolute, {
          table: options.table,
          ...(options.view === undefined ? {} : { view: options.view }),
          ...(options.sampleRows === undefined ? {} : { sampleRows: options.sampleRows }),
          force: options.force ?? false,
          onColumns: (columns, source) => {
            const how =
              source === 'parquet'
                ? 'as the Parquet file declares them'
                : `inferred from the first ${options.sampleRows ?? 10_000} rows at most`;
            context.print(`Columns of ${path.basename(absolute)}, ${how}:`);
            for (const line of columnTable(columns)) context.print(line);
          },
          onProgress: (event) => progress.update(event),
        });
        progress.finish();
        if (result.status === 'unchanged') {
          context.print(
            `${result.table} already holds this file (same content): nothing to do. Use --force to load it again.`,
          );
          return;
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const view = result.view ? ` and the view ${result.view}` : '';
        const rows = (n: number) => `${n} row${n === 1 ? '' : 's'}`;
        context.print(
          `Loaded ${rows(result.rowsLoaded)} into ${result.table}${view} in ${seconds} s; ${rows(result.rowsRejected)} rejected.`,
        );
        if (result.rowsRejected > 0) {
          for (const reject of result.rejects) context.print(rejectLine(reject));
          context.print(
            `All rejects: SELECT line_number, column_name, raw_field_value, error_code, error_message FROM meta.load_rejects WHERE target_table = '${result.table}' ORDER BY line_number`,
          );
        }
      } finally {
        await warehouse.close();
      }
    });
}

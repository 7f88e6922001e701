/**
 * The one place an ERP_URL becomes an extract source. demo: reads the generator's files;
 * mssql:// and sqlserver:// (SQL Server through the T-SQL procedures) and the ledger database
 * are filled in by their own modules; until then they fail with NOT_IMPLEMENTED.
 */
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { DemoErpSource } from './demo-erp-source.ts';
import type { ExtractSource } from './extract-source.ts';
import type { TableShape } from './source-table-of.ts';

export interface OpenExtractSourceOptions {
  /** ERP_URL: demo:, mssql://... or sqlserver://... */
  url: string;
  /** For demo:, the generated files and their table descriptions. */
  demo?: { dir: string; tables: readonly TableShape[]; cacheFile: string };
}

export async function openExtractSource(options: OpenExtractSourceOptions): Promise<ExtractSource> {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(options.url)?.[1]?.toLowerCase();
  if (scheme === 'demo') {
    if (!options.demo) {
      throw new CodedError(
        ErrorCode.DemoDataMissing,
        'ERP_URL=demo: needs the demo data; run `shoebox demo` first.',
      );
    }
    return DemoErpSource.open(options.demo);
  }
  if (scheme === 'mssql' || scheme === 'sqlserver') {
    throw new CodedError(
      ErrorCode.NotImplemented,
      'Extracting from SQL Server (ERP_URL=mssql://...) is not wired into the pipeline in this version; use ERP_URL=demo: for now.',
    );
  }
  throw new CodedError(
    ErrorCode.UnsupportedUrl,
    `ERP_URL "${scheme ?? options.url}:" is not a known source; use demo: or mssql://USER:PASS@HOST:PORT/DB.`,
  );
}

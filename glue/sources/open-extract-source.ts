/**
 * The one place an ERP_URL becomes an extract source. demo: reads the generator's files;
 * mssql:// and sqlserver:// call SQL Server's extract procedures (mssql-erp-source.ts). The
 * ledger database is not an ERP_URL: it is its own source (ledger-db-source.ts, LEDGER_URL).
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
    // Imported only when chosen: the mssql driver (tedious) costs start-up time for everyone else.
    const { openMssqlErpSource } = await import('./mssql-erp-source.ts');
    return openMssqlErpSource(options.url);
  }
  throw new CodedError(
    ErrorCode.UnsupportedUrl,
    `ERP_URL "${scheme ?? options.url}:" is not a known source; use demo: or mssql://USER:PASS@HOST:PORT/DB.`,
  );
}

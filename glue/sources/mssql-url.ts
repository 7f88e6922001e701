/**
 * ERP_URL=mssql://USER:PASS@HOST:PORT/DB?encrypt=true&trustServerCertificate=false → an `mssql`
 * connection config. Query options: encrypt and trustServerCertificate (true/false; defaults
 * true and false, as Azure SQL and a TLS-enabled server expect), connectTimeout and
 * requestTimeout (milliseconds). The description never carries the password.
 */
import type { config as MssqlConfig } from 'mssql';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { redactUrl } from '../../core/redact.ts';

export interface MssqlTarget {
  config: MssqlConfig;
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  /** mssql://user@host:port/db, safe for logs. */
  description: string;
}

const DEFAULT_PORT = 1433;
const DEFAULT_CONNECT_TIMEOUT_MS = 15_000;
/** A 50,000-row batch of order lines takes seconds; a stuck server should still end the run. */
const DEFAULT_REQUEST_TIMEOUT_MS = 300_000;
const OPTIONS = ['encrypt', 'trustServerCertificate', 'connectTimeout', 'requestTimeout'];

export function parseMssqlUrl(url: string): MssqlTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw bad(url, 'is not a URL');
  }
  if (parsed.protocol !== 'mssql:' && parsed.protocol !== 'sqlserver:') {
    throw bad(url, `has scheme "${parsed.protocol}", not mssql:`);
  }
  const host = parsed.hostname;
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  if (!host) throw bad(url, 'names no host');
  if (!database || database.includes('/')) throw bad(url, 'needs exactly one database name after the host');
  if (!user) throw bad(url, 'names no user (SQL Server authentication needs USER:PASS@)');
  const port = parsed.port === '' ? DEFAULT_PORT : Number(parsed.port);
  for (const key of parsed.searchParams.keys()) {
    if (!OPTIONS.includes(key)) throw bad(url, `has unknown option "${key}" (known: ${OPTIONS.join(', ')})`);
  }
  const query = parsed.searchParams;
  const config: MssqlConfig = {
    server: host,
    port,
    database,
    user,
    password,
    connectionTimeout: millis(url, query, 'connectTimeout', DEFAULT_CONNECT_TIMEOUT_MS),
    requestTimeout: millis(url, query, 'requestTimeout', DEFAULT_REQUEST_TIMEOUT_MS),
    options: {
      encrypt: flag(url, query, 'encrypt', true),
      trustServerCertificate: flag(url, query, 'trustServerCertificate', false),
      // datetime2 values carry no zone: read and write them as UTC, as the warehouse does.
      useUTC: true,
      appName: 'shoebox-etl',
    },
    pool: { min: 0, max: 2 },
  };
  return {
    config,
    host,
    port,
    database,
    user,
    password,
    description: `mssql://${user}@${host}:${port}/${database}`,
  };
}

function flag(url: string, query: URLSearchParams, key: string, fallback: boolean): boolean {
  const value = query.get(key);
  if (value === null) return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw bad(url, `option ${key}=${value} must be true or false`);
}

function millis(url: string, query: URLSearchParams, key: string, fallback: number): number {
  const value = query.get(key);
  if (value === null) return fallback;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < 1000 || number > 3_600_000) {
    throw bad(url, `option ${key}=${value} must be milliseconds from 1000 to 3600000`);
  }
  return number;
}

function bad(url: string, problem: string): CodedError {
  return new CodedError(
    ErrorCode.ConfigInvalid,
    `ERP_URL ${redactUrl(url)} ${problem}; use mssql://USER:PASS@HOST:PORT/DB (percent-encode special characters in the password).`,
  );
}

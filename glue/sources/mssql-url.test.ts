import { describe, expect, it } from 'vitest';
import { parseMssqlUrl } from './mssql-url.ts';

describe('parseMssqlUrl', () => {
  it('reads host, port, database, user and a percent-encoded password, with safe defaults', () => {
    const target = parseMssqlUrl('mssql://etl:p%40ss%2Fw0rd@sql.internal/erp');
    expect(target).toMatchObject({
      host: 'sql.internal',
      port: 1433,
      database: 'erp',
      user: 'etl',
      password: 'p@ss/w0rd',
    });
    expect(target.config.options).toMatchObject({
      encrypt: true,
      trustServerCertificate: false,
      useUTC: true,
    });
    expect(target.config.connectionTimeout).toBe(15_000);
    expect(target.description).toBe('mssql://etl@sql.internal:1433/erp');
  });

  it('takes encrypt, trustServerCertificate and timeouts from the query string', () => {
    const target = parseMssqlUrl(
      'sqlserver://etl:pw@10.0.0.5:1500/erp?encrypt=false&trustServerCertificate=true&connectTimeout=5000&requestTimeout=60000',
    );
    expect(target.port).toBe(1500);
    expect(target.config).toMatchObject({ connectionTimeout: 5000, requestTimeout: 60000 });
    expect(target.config.options).toMatchObject({ encrypt: false, trustServerCertificate: true });
  });

  it.each([
    ['mssql://etl:topsecret@host/erp?encrypt=yes', /encrypt=yes must be true or false/],
    ['mssql://etl:topsecret@host/erp?ssl=true', /unknown option "ssl"/],
    ['mssql://etl:topsecret@host/', /one database name/],
    ['mssql://etl:topsecret@host/erp?connectTimeout=5', /connectTimeout=5 must be milliseconds/],
    ['mssql://host/erp', /names no user/],
    ['postgres://etl:topsecret@host/erp', /not mssql:/],
  ])('refuses %s with a message that never shows the password', (url, message) => {
    let error: Error | undefined;
    try {
      parseMssqlUrl(url);
    } catch (caught) {
      error = caught as Error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain('topsecret');
  });
});

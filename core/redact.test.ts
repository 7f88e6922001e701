import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { redactText, redactUrl } from './redact.ts';

describe('redaction', () => {
  it('hides URL passwords and secret-looking query parameters', () => {
    expect(redactUrl('postgres://app:s3cret@db.example.com:5432/ledger')).toBe(
      'postgres://app:[redacted]@db.example.com:5432/ledger',
    );
    expect(redactUrl('redshift-data://wg/dev?secretArn=arn:aws:x&region=eu-west-1')).toBe(
      'redshift-data://wg/dev?secretArn=[redacted]&region=eu-west-1',
    );
    expect(redactUrl('duckdb:.shoebox/warehouse.duckdb')).toBe('duckdb:.shoebox/warehouse.duckdb');
  });

  it('hides known secret values and token-shaped strings', () => {
    expect(redactText('key=my-own-secret-value ok', ['my-own-secret-value'])).toBe('key=[redacted] ok');
    expect(redactText('token xoxb-1234-5678-abcdefgh and sk-proj-abcdefghij12')).toBe(
      'token [redacted] and [redacted]',
    );
  });

  it('never lets a secret through the logger', () => {
    const lines: string[] = [];
    const log = createLogger({ secrets: ['hunter2-secret'], write: (line) => lines.push(line) });
    log.info('connecting with hunter2-secret');
    log.warn('slack said xapp-1-A0-123456789');
    log.debug('hidden at info level');
    expect(lines).toEqual(['connecting with [redacted]', 'warn: slack said [redacted]']);
  });
});

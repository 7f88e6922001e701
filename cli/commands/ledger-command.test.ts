/** `shoebox ledger` in-process against a fresh Postgres database (PGlite costs seconds per open). */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../db/test-postgres.ts';
import { main } from '../main.ts';

let home: string;
let url: string;
let drop: () => Promise<void>;
beforeAll(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'shoebox-ledger-cli-'));
  ({ url, drop } = await createTestDatabase('ledger_cli'));
});
afterAll(async () => {
  rmSync(home, { recursive: true, force: true });
  await drop();
});

async function shoebox(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) => ({
    write: (text: string) => {
      append(text);
      return true;
    },
  });
  const exitCode = await main(['node', 'shoebox', 'ledger', ...args], {
    stdout: sink((t) => {
      stdout += t;
    }),
    stderr: sink((t) => {
      stderr += t;
    }),
    env: { SHOEBOX_HOME: home, SHOEBOX_NOW: '2026-11-20', LEDGER_URL: url },
    cwd: home,
  });
  return { exitCode, stdout, stderr };
}

describe('shoebox ledger', () => {
  it.each(['record', 'drafts', 'confirm', 'cancel', 'list', 'reverse', 'undo', 'report', 'import-demo'])(
    'has --help for %s',
    async (sub) => {
      const { exitCode, stdout } = await shoebox(sub, '--help');
      expect(exitCode).toBe(0);
      expect(stdout).toContain(`Usage: shoebox ledger ${sub}`);
    },
  );

  it('says in one line what to do when the demo files are missing', async () => {
    const { exitCode, stderr } = await shoebox('import-demo');
    expect(exitCode).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('shoebox generate');
  });

  it('records, confirms, reports and refuses a non-finance confirm in one line', async () => {
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const dir = path.join(home, 'demo', 'ledger');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'chart_of_accounts.csv'),
      'account_code,account_name,account_type,normal_balance,synonyms,description,modified_at\n' +
        '1010,Bank,asset,debit,cash; bank,,2021-01-01 00:00:00\n2100,Card payable,liability,credit,company card,,2021-01-01 00:00:00\n' +
        '6900,Office supplies,expense,debit,stationery,,2021-01-01 00:00:00\n',
    );
    writeFileSync(
      path.join(dir, 'journal_entries.csv'),
      'journal_entry_id,entry_number,entry_date,source,reference,memo,currency,created_by,created_at\n',
    );
    writeFileSync(
      path.join(dir, 'journal_lines.csv'),
      'journal_line_id,journal_entry_id,line_number,account_code,cost_center,debit_minor,credit_minor,currency\n',
    );
    expect((await shoebox('import-demo')).stdout).toContain(
      'Imported 0 entries (0 already there) and 3 accounts',
    );

    const staff = await shoebox(
      '--as',
      'sam',
      '--role',
      'staff',
      'record',
      'record expense 12.30 for stationery by card',
      '--yes',
    );
    expect(staff.stdout).toContain('debit   6900 Office supplies');
    expect(staff.exitCode).toBe(1);
    expect(staff.stderr.trim()).toBe(
      'error: sam may not confirm a draft: it needs the "finance" role. Ask someone in finance to do it.',
    );

    const posted = await shoebox('record', 'record expense 7 for stationery in cash', '--yes');
    expect(posted.exitCode).toBe(0);
    expect(posted.stdout).toMatch(/Posted LE\d{8} {2}2026-11-20 {2}expense {2}stationery/);

    const question = await shoebox('record', 'record expense 7 for stationery');
    expect(question.stderr.trim()).toBe(
      'error: How was it paid (card, cash, bank transfer)? 1010 Bank; 2100 Card payable',
    );

    const tb = await shoebox('report', 'trial-balance', '--csv', 'tb.csv');
    expect(tb.exitCode).toBe(0);
    expect(readFileSync(path.join(home, 'tb.csv'), 'utf8')).toContain('TOTAL,,USD,,,0');
    expect((await shoebox('report', 'nonsense')).stderr.trim()).toBe(
      'error: Unknown report "nonsense"; use trial-balance, expenses or gl.',
    );
  });
});

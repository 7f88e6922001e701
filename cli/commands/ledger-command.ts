/**
 * `shoebox ledger`: the finance ledger from the command line: record, confirm, cancel, list,
 * reverse, undo, report and import-demo. Who acts and with which key: ledger-session.ts.
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { CodedError, ErrorCode } from '../../core/coded-error.ts';
import { importLedgerCsv } from '../../ledger/import-ledger-csv.ts';
import type { CommandContext } from '../command-context.ts';
import { parseIsoDate, parsePositiveInt } from '../option-parsers.ts';
import { withLedger } from './ledger-session.ts';
import { cardText, entryText, questionText, reportCsv } from './ledger-text.ts';

export function registerLedgerCommand(program: Command, context: CommandContext): void {
  const ledger = program
    .command('ledger')
    .description('the finance ledger: record, confirm, list, reverse, report (LEDGER_URL)')
    .option('--as <USER>', 'who is acting (default: the OS user name)')
    .option(
      '--role <ROLES>',
      'comma-separated roles of that user (default: finance; e.g. --role staff to act without it)',
    )
    .option('--key <KEY>', 'idempotency key for a write (default: a new one); reuse it to retry safely');

  ledger
    .command('record')
    .description(
      'parse "record expense ...", "record income ...", "paid supplier ...", "transfer ..." into a draft',
    )
    .argument('<text>', 'e.g. "record expense 120.50 for office supplies from Acme, paid by card"')
    .option('--yes', 'confirm the draft at once (finance only)')
    .action(async (text: string, options: { yes?: boolean }, command: Command) => {
      await withLedger(context, command, async (service, actor, key) => {
        const outcome = await service.record(actor, text, { idempotencyKey: key() });
        if (outcome.status === 'question') {
          const candidates = outcome.candidates.length ? ` ${outcome.candidates.join('; ')}` : '';
          throw new CodedError(ErrorCode.LedgerInvalidInput, `${outcome.question}${candidates}`);
        }
        context.print(cardText(outcome.card));
        if (!options.yes) {
          context.print(`Confirm with: shoebox ledger confirm ${outcome.card.draftId}`);
          return;
        }
        context.print(
          `Posted ${entryText(await service.confirm(actor, outcome.card.draftId, { idempotencyKey: randomUUID() }))}`,
        );
      });
    });

  ledger
    .command('drafts')
    .description("list pending drafts (your own; everyone's with the finance role)")
    .action(async (_options: unknown, command: Command) => {
      await withLedger(context, command, async (service, actor) => {
        const drafts = await service.listDrafts(actor);
        context.print(drafts.length ? drafts.map(cardText).join('\n\n') : 'No pending drafts.');
      });
    });

  ledger
    .command('confirm')
    .description('post a pending draft (finance only); confirming twice posts once')
    .argument('<draftId>', 'the draft id printed by record')
    .action(async (draftId: string, _options: unknown, command: Command) => {
      await withLedger(context, command, async (service, actor, key) => {
        context.print(
          `Posted ${entryText(await service.confirm(actor, draftId, { idempotencyKey: key() }))}`,
        );
      });
    });

  ledger
    .command('cancel')
    .description('discard a pending draft (its author or finance)')
    .argument('<draftId>', 'the draft id printed by record')
    .action(async (draftId: string, _options: unknown, command: Command) => {
      await withLedger(context, command, async (service, actor, key) => {
        context.print(cardText(await service.cancel(actor, draftId, { idempotencyKey: key() })));
      });
    });

  ledger
    .command('list')
    .description('list entries, newest first (finance only)')
    .option('--from <YYYY-MM-DD>', 'first entry date', parseIsoDate('--from'))
    .option('--to <YYYY-MM-DD>', 'last entry date', parseIsoDate('--to'))
    .option('--account <CODE>', 'entries with a posting to this account')
    .option('--counterparty <NAME>', 'counterparty name contains')
    .option('--text <TEXT>', 'memo or entry number contains')
    .option('--limit <N>', 'at most N entries (default 50)', parsePositiveInt('--limit'))
    .action(async (filter: Record<string, string | number | undefined>, command: Command) => {
      await withLedger(context, command, async (service, actor) => {
        const entries = await service.listEntries(actor, filter);
        context.print(entries.length ? entries.map(entryText).join('\n') : 'No entries match.');
      });
    });

  ledger
    .command('reverse')
    .description('post the reversal of an entry (finance only); an entry is reversed at most once')
    .argument('<entryNumber>', 'e.g. LE00000012')
    .option('--reason <TEXT>', 'why, kept in the reversal memo')
    .action(async (entryNumber: string, options: { reason?: string }, command: Command) => {
      await withLedger(context, command, async (service, actor, key) => {
        const entry = await service.reverse(actor, entryNumber, {
          idempotencyKey: key(),
          reason: options.reason,
        });
        context.print(`Posted ${entryText(entry)}`);
      });
    });

  ledger
    .command('undo')
    .description('list what "undo the last expense" could mean; reverse one with `ledger reverse`')
    .argument('<text>', 'e.g. "undo the last expense"')
    .action(async (text: string, _options: unknown, command: Command) => {
      await withLedger(context, command, async (service, actor) => {
        context.print(questionText(await service.undo(actor, text)));
      });
    });

  ledger
    .command('report')
    .description(
      'trial-balance | expenses (by category and month) | gl (general-ledger extract) (finance only)',
    )
    .argument('<report>', 'trial-balance, expenses or gl')
    .option('--from <YYYY-MM-DD>', 'first date (expenses, gl)', parseIsoDate('--from'))
    .option('--to <YYYY-MM-DD>', 'last date (trial-balance: as of; expenses, gl)', parseIsoDate('--to'))
    .option('--account <CODE>', 'one account (gl)')
    .option('--csv <FILE>', 'write the report as CSV to FILE (gl: default is standard output)')
    .action(
      async (
        report: string,
        options: { from?: string; to?: string; account?: string; csv?: string },
        command: Command,
      ) => {
        if (!['trial-balance', 'expenses', 'gl'].includes(report)) {
          throw new CodedError(
            ErrorCode.BadArgument,
            `Unknown report "${report}"; use trial-balance, expenses or gl.`,
          );
        }
        await withLedger(context, command, async (service, actor) => {
          const csv = await reportCsv(service, actor, report, options);
          if (options.csv) {
            const file = path.resolve(context.io.cwd, options.csv);
            await writeFile(file, csv).catch((error: unknown) => {
              throw new CodedError(
                ErrorCode.PathUnwritable,
                `Cannot write ${file}: ${String(error)}; choose another --csv path.`,
              );
            });
            context.print(`Wrote ${report} to ${file}`);
          } else {
            context.print(csv.trimEnd().replace(/\r\n/g, '\n'));
          }
        });
      },
    );

  ledger
    .command('import-demo')
    .description(
      'import the demo ledger history (chart of accounts, journal entries and lines); safe to rerun',
    )
    .option('--dir <DIR>', 'folder with the ledger CSVs (default $SHOEBOX_HOME/demo/ledger)')
    .action(async (options: { dir?: string }, command: Command) => {
      await withLedger(context, command, async (service, actor) => {
        const dir = path.resolve(
          context.io.cwd,
          options.dir ?? path.join(context.config().home, 'demo', 'ledger'),
        );
        const progress = context.progress();
        const result = await importLedgerCsv(service.database, dir, {
          actor,
          at: context.config().clock.now(),
          onProgress: ({ done, total }) => progress.update({ stage: 'journal entries', done, total }),
        });
        progress.finish();
        context.print(
          `Imported ${result.inserted} entries (${result.skipped} already there) and ${result.accounts} accounts from ${dir}.`,
        );
      });
    });
}

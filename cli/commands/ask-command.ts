/**
 * `shoebox ask "question"`: one turn of the assistant from the terminal. The CLI is a trusted local
 * surface (whoever runs it already holds the databases): the user is --user (default the OS user)
 * with --role (default analyst). Prints the answer, a table, where the figures came from and the
 * chart's PNG path; --json prints the whole structured answer; --thread continues a conversation.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import path from 'node:path';
import { type Command, Option } from 'commander';
import type { Answer } from '../../assistant/answer.ts';
import type { AssistantRuntime, ProviderChoice } from '../../assistant/assistant-runtime.ts';
import { CodedError, ErrorCode, messageOf } from '../../core/coded-error.ts';
import { openLedgerDb, pgliteLedgerPath } from '../../db/open-ledger-db.ts';
import { duckDbWarehouseFile } from '../../db/open-warehouse.ts';
import type { Warehouse } from '../../db/warehouse.ts';
import { answerText } from '../answer-text.ts';
import type { CommandContext } from '../command-context.ts';
import { openConfiguredWarehouse } from '../open-configured-warehouse.ts';

interface AskOptions {
  json?: boolean;
  thread?: string;
  provider: ProviderChoice;
  user?: string;
  role: string;
}

function osUser(): string {
  try {
    return userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}

const NOT_LOADED =
  'No data is loaded in the warehouse yet: run `shoebox demo` for the demo company, or `shoebox etl run` for your own sources, then ask again.';

/** The warehouse, or a clear error when there is nothing to ask about yet. */
async function loadedWarehouse(context: CommandContext): Promise<Warehouse> {
  const config = context.config();
  // An embedded warehouse that was never loaded is not created by asking.
  const file = duckDbWarehouseFile(config.warehouseUrl, { home: config.home });
  if (file !== null && !existsSync(file)) throw new CodedError(ErrorCode.WarehouseNotLoaded, NOT_LOADED);
  let warehouse: Warehouse;
  try {
    warehouse = await openConfiguredWarehouse(context);
  } catch (error) {
    throw new CodedError(ErrorCode.WarehouseNotLoaded, `${NOT_LOADED} (${messageOf(error)})`, {
      cause: error,
    });
  }
  if ((await warehouse.listRelations('curated')).length === 0) {
    await warehouse.close();
    throw new CodedError(ErrorCode.WarehouseNotLoaded, NOT_LOADED);
  }
  return warehouse;
}

/** The answer as JSON: everything but the chart's bytes and SVG, with the PNG's path instead. */
export function answerJson(answer: Answer, chartPath: string | null): string {
  const chart = answer.chart
    ? { title: answer.chart.title, kind: answer.chart.kind, spec: answer.chart.spec, pngPath: chartPath }
    : null;
  return JSON.stringify({ ...answer, chart }, null, 2);
}

export function registerAskCommand(program: Command, context: CommandContext): void {
  program
    .command('ask')
    .description(
      'ask a question about the business and print the answer, a table, its sources and the chart path',
    )
    .argument('<question...>', 'the question, e.g. "revenue by region last quarter"')
    .option(
      '--json',
      'print the whole structured answer as JSON (text, figures, table, queries, SQL, freshness, chart path)',
    )
    .option('--thread <ID>', 'continue a conversation (its id is printed after each answer)')
    .addOption(
      new Option(
        '--provider <NAME>',
        'language model: offline (the planner only), openai, or auto (openai when configured)',
      )
        .choices(['offline', 'openai', 'auto'])
        .default('auto'),
    )
    .option('--user <NAME>', 'who is asking (default: the OS user; the CLI is a trusted local surface)')
    .option(
      '--role <ROLES>',
      'comma-separated roles of that user (viewer, analyst, finance, admin)',
      'analyst',
    )
    .action(async (words: string[], options: AskOptions) => {
      const config = context.config();
      // An embedded ledger's WASM start (~0.25 s) runs while the assistant's modules load rather
      // than after them; the runtime then acquires the same shared handle. Only one that exists:
      // a question asked before any load must not create one. A failure to open is reported by
      // the runtime's own open, with its message.
      const embedded = pgliteLedgerPath(config.ledgerUrl, { home: config.home });
      const ledgerWarmUp =
        embedded !== null && existsSync(embedded)
          ? openLedgerDb(config.ledgerUrl, { home: config.home })
          : Promise.resolve(null);
      ledgerWarmUp.catch(() => undefined);
      try {
        const { openAssistantRuntime } = await import('../../assistant/open-assistant-runtime.ts');
        const warehouse = await loadedWarehouse(context);
        try {
          const runtime = await openAssistantRuntime({
            config,
            log: context.log,
            provider: options.provider,
            warehouse,
          });
          try {
            await answerAndPrint(context, runtime, words.join(' '), options);
          } finally {
            await runtime.close();
          }
        } finally {
          await warehouse.close();
        }
      } finally {
        await ledgerWarmUp.then(
          (db) => db?.close(),
          () => undefined,
        );
      }
    });
}

async function answerAndPrint(
  context: CommandContext,
  runtime: AssistantRuntime,
  question: string,
  options: AskOptions,
): Promise<void> {
  const answer = await runtime.assistant.answer({
    threadId: options.thread ?? null,
    question,
    caller: {
      userId: options.user ?? osUser(),
      roles: options.role
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean),
      channel: { kind: 'cli', host: hostname() },
    },
  });
  let chartPath: string | null = null;
  if (answer.chart?.png) {
    chartPath = path.join(context.config().home, 'charts', `${answer.id}.png`);
    await mkdir(path.dirname(chartPath), { recursive: true });
    await writeFile(chartPath, answer.chart.png);
  }
  context.print(options.json ? answerJson(answer, chartPath) : answerText(answer, chartPath));
  if (answer.kind === 'error' && !options.json)
    throw new CodedError(
      ErrorCode.AssistantFailed,
      `The question could not be answered (reference ${answer.error?.referenceId}).`,
    );
}

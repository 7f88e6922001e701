/**
 * PRE-MERGE FALLBACK, to be replaced by assistant/open-assistant-runtime.ts (see web-wiring.ts):
 * the parts of an AssistantRuntime the web platform and the finance pages use (ledger, app
 * database, warehouse), opened for real. It has no assistant: asking it anything fails with
 * NOT_IMPLEMENTED, and no chat route is mounted while it is in use.
 */
import type { AssistantRuntime } from '../assistant/assistant-runtime.ts';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import { openAppDb } from '../db/app-db.ts';
import { openLedgerDb } from '../db/open-ledger-db.ts';
import { LedgerService } from '../ledger/ledger-service.ts';
import { migrateLedger } from '../ledger/migrate-ledger.ts';
import type { RuntimeOpener } from './runtime-opener.ts';

export const openLedgerOnlyRuntime: RuntimeOpener = async ({ config, warehouse }) => {
  const ledgerDb = await openLedgerDb(config.ledgerUrl, { home: config.home });
  await migrateLedger(ledgerDb);
  const appDb = await openAppDb(config.appDatabaseUrl, { home: config.home });
  const missing = (): never => {
    throw new CodedError(ErrorCode.NotImplemented, 'The assistant is not part of this build of the web app.');
  };
  const runtime = {
    ledger: new LedgerService(ledgerDb, { clock: config.clock }),
    appDb,
    warehouse,
    providerName: 'none',
    assistant: { ask: missing, answer: missing },
    toolContext: missing,
    refresh: async () => {},
    close: async () => {
      await appDb.close();
      await ledgerDb.close();
    },
  };
  return runtime as unknown as AssistantRuntime;
};

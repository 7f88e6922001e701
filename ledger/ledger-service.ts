/**
 * The ledger's one entry point for every channel (CLI, web, Slack, the assistant's tools). Every
 * method takes the actor; writes take an idempotency key and run in one transaction with their
 * audit row. Anyone may draft; finance confirms, reverses, lists entries and reads reports; others
 * see their own drafts only.
 */
import { type Clock, isoDate, systemClock } from '../core/clock.ts';
import type { LedgerDb } from '../db/ledger-db.ts';
import { type AttachTarget, attachReceipt, type Receipt } from './attach-receipt.ts';
import type { ChartAccount } from './chart-matcher.ts';
import { confirmDraft } from './confirm-draft.ts';
import { idempotentWrite } from './idempotent-write.ts';
import { type LedgerActor, requireFinance } from './ledger-actor.ts';
import type { ClarifyingQuestion } from './ledger-draft.ts';
import {
  cancelDraftRow,
  type DraftCard,
  findDraft,
  insertDraft,
  listDraftRows,
  toCard,
} from './ledger-drafts.ts';
import { expensesByMonth, generalLedgerCsv, trialBalance } from './ledger-reports.ts';
import { type EntryFilter, listEntries } from './list-entries.ts';
import { loadChart } from './load-chart.ts';
import { parseLedgerText } from './parse-ledger-text.ts';
import type { PostedEntry } from './read-entries.ts';
import { reverseEntry } from './reverse-entry.ts';
import { undoCandidates } from './undo-candidates.ts';
import { validateDraft } from './validate-draft.ts';

export interface WriteOptions {
  idempotencyKey: string;
}

/** Accounts added to the chart are seen by a running service within this time. */
export const CHART_TTL_MS = 30_000;

export type RecordOutcome = { status: 'draft'; card: DraftCard } | ClarifyingQuestion;

export class LedgerService {
  private readonly clock: Clock;
  private readonly defaultCurrency: string;
  private cachedChart: { at: number; chart: Promise<ChartAccount[]> } | undefined;

  constructor(
    private readonly db: LedgerDb,
    options: { clock?: Clock; defaultCurrency?: string } = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.defaultCurrency = options.defaultCurrency ?? 'USD';
  }

  /** The database, for batch work that is not a user's request (imports). */
  get database(): LedgerDb {
    return this.db;
  }

  chart(): Promise<ChartAccount[]> {
    return loadChart(this.db);
  }

  /** The chart, re-read at most every CHART_TTL_MS: it changes rarely, and every write needs it. */
  private currentChart(): Promise<ChartAccount[]> {
    const now = Date.now();
    if (!this.cachedChart || now - this.cachedChart.at > CHART_TTL_MS) {
      const chart = loadChart(this.db);
      this.cachedChart = { at: now, chart };
      chart.catch(() => {
        this.cachedChart = undefined;
      });
    }
    return this.cachedChart.chart;
  }

  /** Parses "record ..." text into a pending draft, or returns a clarifying question (nothing stored). */
  async record(actor: LedgerActor, text: string, options: WriteOptions): Promise<RecordOutcome> {
    const chart = await this.currentChart();
    const outcome = parseLedgerText(text, {
      chart,
      clock: this.clock,
      defaultCurrency: this.defaultCurrency,
    });
    if (outcome.status === 'question') return outcome;
    return { status: 'draft', card: await this.storeDraft(actor, outcome.draft, text, chart, options) };
  }

  /** Stores a structured draft (e.g. a model's tool call), validated like a parsed one. */
  async draft(
    actor: LedgerActor,
    input: unknown,
    options: WriteOptions & { text?: string },
  ): Promise<DraftCard> {
    return this.storeDraft(actor, input, options.text ?? null, await this.currentChart(), options);
  }

  private async storeDraft(
    actor: LedgerActor,
    input: unknown,
    text: string | null,
    chart: ChartAccount[],
    options: WriteOptions,
  ): Promise<DraftCard> {
    const draft = validateDraft(input, chart, this.clock);
    const at = this.clock.now();
    return this.db.transaction((tx) =>
      idempotentWrite(
        tx,
        {
          key: options.idempotencyKey,
          operation: 'draft',
          request: { userId: actor.userId, draft, text },
          at,
        },
        async () =>
          toCard(
            await insertDraft(tx, actor, draft, { text, idempotencyKey: options.idempotencyKey, at }),
            chart,
          ),
      ),
    );
  }

  async confirm(actor: LedgerActor, draftId: string, options: WriteOptions): Promise<PostedEntry> {
    requireFinance(actor, 'confirm a draft');
    const chart = await this.currentChart();
    const at = this.clock.now();
    return this.db.transaction((tx) =>
      idempotentWrite(
        tx,
        { key: options.idempotencyKey, operation: 'confirm', request: { userId: actor.userId, draftId }, at },
        () =>
          confirmDraft(tx, actor, draftId, {
            idempotencyKey: options.idempotencyKey,
            at,
            chart,
            clock: this.clock,
          }),
      ),
    );
  }

  async cancel(actor: LedgerActor, draftId: string, options: WriteOptions): Promise<DraftCard> {
    const chart = await this.currentChart();
    const at = this.clock.now();
    return this.db.transaction((tx) =>
      idempotentWrite(
        tx,
        { key: options.idempotencyKey, operation: 'cancel', request: { userId: actor.userId, draftId }, at },
        async () =>
          toCard(
            await cancelDraftRow(tx, actor, draftId, { idempotencyKey: options.idempotencyKey, at }),
            chart,
          ),
      ),
    );
  }

  /** Attaches a receipt reference to a draft (its author or finance) or a posted entry (finance). */
  async attach(actor: LedgerActor, target: AttachTarget, receipt: Receipt, options: WriteOptions) {
    const at = this.clock.now();
    return this.db.transaction((tx) =>
      idempotentWrite(
        tx,
        {
          key: options.idempotencyKey,
          operation: 'attach',
          request: { userId: actor.userId, target, receipt },
          at,
        },
        () => attachReceipt(tx, actor, target, receipt, at),
      ),
    );
  }

  async getDraft(actor: LedgerActor, draftId: string): Promise<DraftCard> {
    return toCard(await findDraft(this.db, actor, draftId), await this.currentChart());
  }

  /** Pending drafts: the actor's own, or everyone's for finance. */
  async listDrafts(actor: LedgerActor): Promise<DraftCard[]> {
    const chart = await this.currentChart();
    return (await listDraftRows(this.db, actor)).map((row) => toCard(row, chart));
  }

  async reverse(
    actor: LedgerActor,
    entryNumber: string,
    options: WriteOptions & { reason?: string },
  ): Promise<PostedEntry> {
    requireFinance(actor, 'reverse an entry');
    const at = this.clock.now();
    const reason = options.reason ?? null;
    return this.db.transaction((tx) =>
      idempotentWrite(
        tx,
        {
          key: options.idempotencyKey,
          operation: 'reverse',
          request: { userId: actor.userId, entryNumber, reason },
          at,
        },
        () =>
          reverseEntry(tx, actor, entryNumber, {
            idempotencyKey: options.idempotencyKey,
            at,
            today: isoDate(at),
            reason,
          }),
      ),
    );
  }

  /** "undo the last expense": the candidates to reverse, as a question; never reverses by itself. */
  async undo(actor: LedgerActor, text: string): Promise<ClarifyingQuestion> {
    requireFinance(actor, 'reverse an entry');
    return undoCandidates(this.db, text);
  }

  async listEntries(actor: LedgerActor, filter: EntryFilter = {}): Promise<PostedEntry[]> {
    requireFinance(actor, 'list ledger entries');
    return listEntries(this.db, filter);
  }

  async trialBalance(actor: LedgerActor, asOf: string | null = null) {
    requireFinance(actor, 'read the trial balance');
    return trialBalance(this.db, asOf);
  }

  async expensesByMonth(actor: LedgerActor, range: { from?: string; to?: string } = {}) {
    requireFinance(actor, 'read expense reports');
    return expensesByMonth(this.db, { from: range.from ?? null, to: range.to ?? null });
  }

  async generalLedgerCsv(actor: LedgerActor, filter: { from?: string; to?: string; account?: string } = {}) {
    requireFinance(actor, 'export the general ledger');
    return generalLedgerCsv(this.db, {
      from: filter.from ?? null,
      to: filter.to ?? null,
      account: filter.account ?? null,
    });
  }
}

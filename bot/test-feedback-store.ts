/** Test support: an in-memory FeedbackStore with the contract's rule (one rating per user per answer). */
import type { FeedbackRecord, FeedbackStore } from '../assistant/memory/app-stores.ts';

export function createMemoryFeedbackStore(): FeedbackStore & { records: FeedbackRecord[] } {
  const records: FeedbackRecord[] = [];
  let n = 0;
  return {
    records,
    async record(input) {
      const at = records.findIndex((r) => r.answerId === input.answerId && r.userId === input.userId);
      const record: FeedbackRecord = {
        id: `fb-${++n}`,
        ...input,
        createdAt: new Date().toISOString(),
        question: '',
        semanticQueries: [],
        figures: [],
        resolvedAt: null,
      };
      if (at >= 0) records[at] = record;
      else records.push(record);
      return record;
    },
    async list(options) {
      return records
        .filter((r) => !options.rating || r.rating === options.rating)
        .slice(0, options.limit ?? 100);
    },
    async markResolved(id) {
      const record = records.find((r) => r.id === id);
      if (record) record.resolvedAt = new Date().toISOString();
    },
  };
}

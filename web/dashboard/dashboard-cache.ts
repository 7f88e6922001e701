/**
 * Built dashboards in memory, keyed on the period, the day (relative periods move at midnight) and
 * the data's freshness (every source's last load time). A new load changes the key, so the next
 * request builds afresh and older entries are dropped; concurrent requests share one build.
 */
export class DashboardCache<T> {
  private readonly entries = new Map<string, Promise<T>>();
  private generation = '';
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 24) {}

  async get(freshnessKey: string, periodKey: string, build: () => Promise<T>): Promise<T> {
    if (freshnessKey !== this.generation) {
      this.entries.clear();
      this.generation = freshnessKey;
    }
    const cached = this.entries.get(periodKey);
    if (cached) {
      this.hits += 1;
      return cached;
    }
    this.misses += 1;
    const pending = build();
    this.entries.set(periodKey, pending);
    // A failed build is not kept: the next request tries again.
    pending.catch(() => {
      if (this.entries.get(periodKey) === pending) this.entries.delete(periodKey);
    });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return pending;
  }
}

/**
 * Recent answers' chart SVGs by answer id, so the <img> that follows a streamed answer is served
 * without a store read. Bounded; a miss falls back to the stored turn (another instance may have
 * answered), so the cache only saves work and never decides access.
 */
export interface CachedChart {
  userId: string;
  svg: string;
}

export class ChartSvgCache {
  private readonly items = new Map<string, CachedChart>();
  constructor(private readonly capacity = 200) {}

  put(answerId: string, chart: CachedChart): void {
    this.items.delete(answerId);
    this.items.set(answerId, chart);
    while (this.items.size > this.capacity) {
      const oldest = this.items.keys().next().value;
      if (oldest === undefined) break;
      this.items.delete(oldest);
    }
  }

  get(answerId: string): CachedChart | undefined {
    return this.items.get(answerId);
  }
}

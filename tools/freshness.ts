/**
 * Data freshness: when each source was last loaded successfully. The tools take it as a callback
 * in their context so that the pipeline (which owns meta.etl_runs) can supply the real reader;
 * db/data-freshness.ts readLoadFreshness is the reader, over meta.etl_runs and meta.loaded_files.
 */
export interface SourceFreshness {
  source: string;
  /** ISO 8601 time of the last successful load. */
  lastLoadedAt: string;
  /** Successful loads recorded for the source. */
  loads: number;
}

export type FreshnessReader = () => Promise<SourceFreshness[]>;

/**
 * Hours from a load to the clock, to one decimal; null for a load after the clock (SHOEBOX_NOW
 * pinned before the load, as in the demo), which has no age rather than a negative one.
 */
export function hoursSinceLoad(lastLoadedAt: string, now: Date): number | null {
  const hours = (now.getTime() - Date.parse(lastLoadedAt)) / 3_600_000;
  return hours < 0 ? null : Math.round(hours * 10) / 10;
}

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

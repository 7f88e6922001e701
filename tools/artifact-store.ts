/**
 * Artifacts are what the channel shows (all rows, the chart, the SQL, provenance); the model sees
 * only their ids. The store is per conversation turn or thread, owned by the caller of the tools;
 * make_chart reads a previous query's rows back from it by id.
 */
import type { ResultValue } from '../db/warehouse.ts';

export interface ArtifactColumn {
  name: string;
  role: 'time' | 'dimension' | 'metric' | 'compare' | 'share';
  /** currency, number, percent, days, date, text. */
  format: string;
  member: string;
  grain?: string;
}

export interface TableArtifact {
  kind: 'table';
  id: string;
  title: string;
  columns: ArtifactColumn[];
  rows: Record<string, ResultValue>[];
  /** The warehouse had more rows than the cap. */
  truncated: boolean;
  sql: string;
  params: unknown[];
  query: unknown;
  provenance: unknown;
  period: { start: string; end: string } | null;
  freshness: unknown;
  elapsedMs: number;
}

export interface ChartArtifact {
  kind: 'chart';
  id: string;
  /** The table artifact it draws. */
  source: string;
  chartKind: string;
  reason: string;
  spec: unknown;
  svg: string;
  png: Buffer;
}

export interface RecordArtifact {
  kind: 'record';
  id: string;
  title: string;
  data: unknown;
}

export type ToolArtifact = TableArtifact | ChartArtifact | RecordArtifact;
export type NewArtifact = DistributiveOmit<ToolArtifact, 'id'>;
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

export interface ArtifactStore {
  put(artifact: NewArtifact): ToolArtifact;
  get(id: string): ToolArtifact | undefined;
  list(): ToolArtifact[];
}

/** An in-memory store: ids are short and sequential (result_1, chart_2) so a model copies them easily. */
export function createArtifactStore(): ArtifactStore {
  const items = new Map<string, ToolArtifact>();
  let counter = 0;
  return {
    put(artifact) {
      const prefix = artifact.kind === 'table' ? 'result' : artifact.kind;
      const stored = { ...artifact, id: `${prefix}_${++counter}` } as ToolArtifact;
      items.set(stored.id, stored);
      return stored;
    },
    get: (id) => items.get(id),
    list: () => [...items.values()],
  };
}

/**
 * What the web app shows about the data before the chat and dashboard exist: which data is
 * loaded, from when to when, and where it lives. The caller (cli/) gathers it; web/ only renders.
 */
export interface StatusReport {
  /** e.g. "Cordova Shoe Co. (demo, seed 42, scale 1)". */
  dataset: string | undefined;
  period: { first: string; last: string } | undefined;
  /** Redacted description of the warehouse. */
  warehouse: string;
  tables: { schema: string; name: string; rows: number }[];
  lastLoadedAt: string | undefined;
}

export type StatusSource = () => Promise<StatusReport>;

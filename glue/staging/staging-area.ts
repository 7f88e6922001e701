/**
 * Where extracts wait between the extract and load stages: a local folder (embedded default) or
 * an S3 prefix (production, read by Redshift COPY). Stages see only this interface.
 * Keys are relative, '/'-separated paths ("runs/<run id>/erp/sales_orders/part-0000.csv.gz").
 */
export interface StagingArea {
  /** A redacted description for logs ("local folder .shoebox/staging", "s3://bucket/prefix"). */
  readonly description: string;
  /** Writes one object; readers never see a partly written object (temp file + rename, or one S3 PUT). */
  put(key: string, body: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array>;
  exists(key: string): Promise<boolean>;
  /** Keys under a prefix, sorted. */
  list(prefix: string): Promise<string[]>;
  /** Removes every object under a prefix (old runs' extracts). */
  deletePrefix(prefix: string): Promise<void>;
  /** Where a warehouse reads the object: an absolute local path, or s3://bucket/prefix/key. */
  locationOf(key: string): string;
}

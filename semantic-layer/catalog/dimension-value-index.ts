/**
 * The dimensions' actual values, read from the warehouse after each load (index-dimension-values.ts)
 * and kept as a JSON file so that catalog search can find "Bilbao" without querying the warehouse
 * on every question. Saved atomically: a reader never sees a half-written file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { CodedError, ErrorCode, messageOf } from '../../core/coded-error.ts';

export const dimensionValueIndexSchema = z
  .object({
    version: z.literal(1),
    /** When the values were read (ISO 8601). */
    builtAt: z.string(),
    /** The warehouse they were read from (redacted description). */
    source: z.string(),
    dimensions: z.array(
      z
        .object({
          /** Qualified: "<semantic model>.<dimension>". */
          dimension: z.string(),
          relation: z.string(),
          /** Distinct non-null values as text, exactly as stored, sorted. */
          values: z.array(z.string()),
          /** More distinct values existed than the cap kept. */
          truncated: z.boolean(),
        })
        .strict(),
    ),
    /** Categorical dimensions not indexed, and why (an expression rather than a column, a failed query). */
    skipped: z.array(z.object({ dimension: z.string(), reason: z.string() }).strict()),
  })
  .strict();

export type DimensionValueIndex = z.infer<typeof dimensionValueIndexSchema>;

export const EMPTY_DIMENSION_VALUE_INDEX: DimensionValueIndex = {
  version: 1,
  builtAt: new Date(0).toISOString(),
  source: 'none',
  dimensions: [],
  skipped: [],
};

/** Where a home (SHOEBOX_HOME) keeps the index: written after each load, read by the assistant. */
export function catalogValuesFile(home: string): string {
  return join(home, 'catalog-values.json');
}

/** Writes the index to a sibling temporary file, then renames it over `path`. */
export async function saveDimensionValueIndex(path: string, index: DimensionValueIndex): Promise<void> {
  const temporary = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, `${JSON.stringify(dimensionValueIndexSchema.parse(index), null, 1)}\n`);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new CodedError(
      ErrorCode.PathUnwritable,
      `cannot write the dimension value index to ${path} (${messageOf(error)}); check that its folder is writable`,
      { cause: error },
    );
  }
}

export async function loadDimensionValueIndex(path: string): Promise<DimensionValueIndex> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new CodedError(
      ErrorCode.PathUnreadable,
      `cannot read the dimension value index at ${path} (${messageOf(error)}); load data (or rebuild the index) to create it`,
      { cause: error },
    );
  }
  try {
    return dimensionValueIndexSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new CodedError(
      ErrorCode.PathUnreadable,
      `${path} is not a dimension value index (${messageOf(error).slice(0, 200)}); delete it and rebuild the index`,
      { cause: error },
    );
  }
}

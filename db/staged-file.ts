/**
 * Checks on a staged file before an engine that reads local files (DuckDB, Postgres COPY FROM
 * STDIN) loads it, so the user gets a clear message instead of a driver's. A manifest (Redshift's
 * COPY MANIFEST format) is resolved here to the local data files it lists.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { CodedError, ErrorCode, messageOf } from '../core/coded-error.ts';
import type { StagedFile } from './warehouse.ts';

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The local data files to read: the file itself, or every entry of its manifest. */
export function localStagedPaths(file: StagedFile, engine: string): string[] {
  const location = localStagedPath(file, engine);
  if (file.manifest !== true) return [location];
  let entries: unknown;
  try {
    entries = (JSON.parse(readFileSync(location, 'utf8')) as { entries?: unknown }).entries;
  } catch (error) {
    throw new CodedError(
      ErrorCode.EtlLoadFailed,
      `The manifest "${location}" is not valid JSON: ${messageOf(error)}. Rerun the pipeline to stage it again.`,
    );
  }
  if (!Array.isArray(entries)) {
    throw new CodedError(
      ErrorCode.EtlLoadFailed,
      `The manifest "${location}" has no "entries" list ({"entries":[{"url":...,"mandatory":true}]}).`,
    );
  }
  return entries.map((entry: { url?: unknown }) => {
    const url = typeof entry?.url === 'string' ? entry.url : '';
    return localStagedPath({ ...file, location: url, manifest: false }, engine);
  });
}

export function localStagedPath(file: StagedFile, engine: string): string {
  if (URL_SCHEME.test(file.location)) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `${engine} loads staged files from the local disk; "${file.location}" is a URL. Use a local staging folder (STAGING_URL=PATH) with this warehouse.`,
    );
  }
  if (!Number.isInteger(file.headerLines) || file.headerLines < 0) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `headerLines must be a whole number ≥ 0, not ${file.headerLines}.`,
    );
  }
  if (file.columns.length === 0) {
    throw new CodedError(
      ErrorCode.BadArgument,
      `The staged file "${file.location}" lists no columns to load.`,
    );
  }
  try {
    accessSync(file.location, constants.R_OK);
  } catch (error) {
    throw new CodedError(ErrorCode.PathUnreadable, `Cannot read the staged file "${file.location}".`, {
      cause: error,
    });
  }
  return file.location;
}

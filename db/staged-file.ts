/**
 * Checks on a staged file before an engine that reads local files (DuckDB, Postgres COPY FROM
 * STDIN) loads it, so the user gets a clear message instead of a driver's.
 */
import { accessSync, constants } from 'node:fs';
import { CodedError, ErrorCode } from '../core/coded-error.ts';
import type { StagedFile } from './warehouse.ts';

export function localStagedPath(file: StagedFile, engine: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file.location)) {
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
